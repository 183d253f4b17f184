// Draws the charts whose numbers the page already shows as a table: <div data-chart="…" data-chart-source="id-of-json">.
// Without JavaScript (or ECharts) the table stays the source of truth, so failures here are silent.
// Tooltips render as canvas text (renderMode 'richText'), never as HTML: labels and names stay data (ADR 0019).
const palette = { planned: '#9cc3e6', operating: '#1f8a4c' };

function buildProgress(el, data) {
  const chart = window.echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    color: data.series.map(s => palette[s.kind] ?? '#0d4a86'),
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: data.years, axisLabel: { interval: 0 } }, // every year labelled
    yAxis: { type: 'value', name: '设施数（个）', minInterval: 1 },
    series: data.series.map(s => ({
      name: s.name,
      type: 'bar',
      barMaxWidth: 36,
      data: s.data,
      label: { show: true, position: 'top' },
    })),
  });
  chart.on('finished', () => { el.dataset.chartReady = 'true'; });
  new ResizeObserver(() => chart.resize()).observe(el);
}

// Emergency rescue by month: share answered within 60 s and within 3 min (%), alarms as bars on a second axis.
function alarmSla(el, data) {
  const chart = window.echarts.init(el, null, { renderer: 'canvas' });
  chart.setOption({
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: data.months },
    yAxis: [{ type: 'value', name: '接警率（%）', min: 0, max: 100 }, { type: 'value', name: '报警数', minInterval: 1 }],
    series: [
      { name: '报警数', type: 'bar', yAxisIndex: 1, data: data.alarms, itemStyle: { color: '#c3d7ee' }, barMaxWidth: 28 },
      { name: '60 秒内接警率', type: 'line', data: data.within60s, itemStyle: { color: '#b71c1c' } },
      { name: '3 分钟内接警率', type: 'line', data: data.within3min, itemStyle: { color: '#0d4a86' } },
    ],
  });
  chart.on('finished', () => { el.dataset.chartReady = 'true'; });
  new ResizeObserver(() => chart.resize()).observe(el);
}

const charts = { 'build-progress': buildProgress, 'alarm-sla': alarmSla };

for (const el of document.querySelectorAll('[data-chart]')) {
  const draw = charts[el.dataset.chart];
  const source = document.getElementById(el.dataset.chartSource);
  if (!draw || !source || !window.echarts) continue;
  el.classList.add('chart--on');
  draw(el, JSON.parse(source.textContent));
}
