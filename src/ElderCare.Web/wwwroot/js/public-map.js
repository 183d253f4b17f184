// 公众养老服务地图: "使用我的当前位置" asks the phone for its position and searches from it (no position is sent
// anywhere else; the region select is the fallback). Text only, no HTML.
const form = document.querySelector('[data-public-search]');
const button = form?.querySelector('[data-locate]');
if (form && button && 'geolocation' in navigator) {
  const status = form.querySelector('[data-locate-status]');
  button.hidden = false;
  button.addEventListener('click', () => {
    status.textContent = '正在获取您的位置…';
    navigator.geolocation.getCurrentPosition((position) => {
      form.querySelector('[data-lat]').value = position.coords.latitude.toFixed(6);
      form.querySelector('[data-lng]').value = position.coords.longitude.toFixed(6);
      form.elements.region.value = '';
      form.requestSubmit();
    }, () => { status.textContent = '无法获取位置，请在下方选择镇街或村社区。'; }, { timeout: 10000, maximumAge: 60000 });
  });
  // Choosing a place searches from its centre, not from an earlier position.
  form.elements.region.addEventListener('change', () => {
    form.querySelector('[data-lat]').value = '';
    form.querySelector('[data-lng]').value = '';
  });
}
