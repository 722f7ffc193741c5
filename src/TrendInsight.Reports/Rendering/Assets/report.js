(function () {
  'use strict';
  var dataElement = document.getElementById('report-data');
  var data = JSON.parse(dataElement.textContent || '{}');
  var charts = [];
  var red = '#d9363e', blue = '#2f6fde', grey = '#8a94a6';
  var palette = ['#d9363e', '#2f6fde', '#f0a020', '#13a07a', '#8e5cd9', '#e0619a', '#4aa3c8', '#7a8b2f'];

  function esc(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function tooltip(params) {
    var list = Array.isArray(params) ? params : [params];
    var lines = [esc(list.length ? list[0].axisValue : '')];
    list.forEach(function (p) {
      if (p.value === null || p.value === undefined || p.seriesName.charAt(0) === '_') { return; }
      var v = typeof p.value === 'number' ? p.value.toFixed(1) : p.value;
      lines.push(esc(p.seriesName) + '：' + esc(v));
    });
    return lines.join('<br>');
  }

  function baseOption() {
    return {
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 44, right: 16, top: 28, bottom: 28 },
      tooltip: { trigger: 'axis', formatter: tooltip },
      xAxis: { type: 'category', boundaryGap: false, axisLabel: { color: grey }, axisLine: { lineStyle: { color: '#ccd3de' } } },
      yAxis: { type: 'value', splitLine: { lineStyle: { color: '#eef1f5' } }, axisLabel: { color: grey } }
    };
  }

  function topicOption(t) {
    var dates = t.dates.concat(t.forecastDates);
    var history = t.values.concat(t.forecastDates.map(function () { return null; }));
    var pad = t.dates.map(function () { return null; });
    var mean = pad.concat(t.mean);
    var low = pad.concat(t.low);
    var width = pad.concat(t.high.map(function (h, i) { return Math.max(0, h - t.low[i]); }));
    if (t.values.length && t.mean.length) {
      mean[t.values.length - 1] = t.values[t.values.length - 1];
    }
    var o = baseOption();
    o.legend = { top: 0, right: 0, data: t.mean.length ? ['兴趣指数', '预测'] : ['兴趣指数'], textStyle: { color: grey } };
    o.xAxis.data = dates;
    o.series = [
      { name: '兴趣指数', type: 'line', data: history, symbol: 'none', lineStyle: { width: 2, color: red }, itemStyle: { color: red },
        areaStyle: { color: 'rgba(217,54,62,0.08)' } },
      { name: '_low', type: 'line', data: low, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
      { name: '_band', type: 'line', data: width, stack: 'band', symbol: 'none', lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(47,111,222,0.16)' }, silent: true },
      { name: '预测', type: 'line', data: mean, symbol: 'none', lineStyle: { width: 2, type: 'dashed', color: blue }, itemStyle: { color: blue } }
    ];
    return o;
  }

  function overviewOption(ov) {
    var o = baseOption();
    o.grid.top = 36;
    o.legend = { top: 0, type: 'scroll', textStyle: { color: '#3a4252' } };
    o.xAxis.data = ov.dates;
    o.series = ov.series.map(function (s) {
      return { name: s.name, type: 'line', data: s.values, symbol: 'none', lineStyle: { width: 2 } };
    });
    return o;
  }

  // A viewBox lets the drawn SVG scale to the printed page width without being redrawn.
  function fit(chart) {
    var svg = chart.getDom().querySelector('svg');
    if (svg) {
      svg.setAttribute('viewBox', '0 0 ' + chart.getWidth() + ' ' + chart.getHeight());
      svg.setAttribute('preserveAspectRatio', 'xMinYMin meet');
    }
  }

  function mount(id, option) {
    var el = document.getElementById(id);
    if (!el) { return; }
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(option);
    fit(chart);
    charts.push(chart);
    el.setAttribute('data-rendered', 'true');
  }

  if (data.overview && data.overview.series.length) {
    mount('chart-overview', overviewOption(data.overview));
  }
  (data.topics || []).forEach(function (t) { mount(t.id, topicOption(t)); });

  function resizeAll() { charts.forEach(function (c) { c.resize(); fit(c); }); }
  window.addEventListener('resize', resizeAll);
  window.__reportCharts = charts.length;
  window.__reportReady = true;
})();
