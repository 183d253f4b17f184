// Caregiver visit page: fills the latitude/longitude inputs of check-in and check-out forms from the phone's
// position (navigator.geolocation). Without JavaScript or permission the inputs stay editable and the form still posts.
const forms = document.querySelectorAll('form[data-geo]');
if (forms.length > 0 && 'geolocation' in navigator) {
  for (const status of document.querySelectorAll('[data-geo-status]')) status.textContent = '正在获取手机定位…';
  navigator.geolocation.getCurrentPosition(position => {
    for (const form of forms) {
      form.querySelector('[data-geo-lat]').value = position.coords.latitude.toFixed(6);
      form.querySelector('[data-geo-lng]').value = position.coords.longitude.toFixed(6);
    }
    for (const status of document.querySelectorAll('[data-geo-status]')) {
      status.textContent = `已获取定位（精度约 ${Math.round(position.coords.accuracy)} 米）`;
    }
  }, error => {
    for (const status of document.querySelectorAll('[data-geo-status]')) status.textContent = `无法获取定位（${error.message}），请手工填写。`;
  }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
}
