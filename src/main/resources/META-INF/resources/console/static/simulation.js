// 影响模拟的图表：数据来自页面上 #sim-charts 的 data-result（服务端生成，与表格同源）。
(function () {
  function draw() {
    var box = document.getElementById('sim-charts');
    if (!box || !window.echarts) { return; }
    var result = JSON.parse(box.dataset.result);
    var measures = result.measures.map(function (m) { return m.measure; });
    var amounts = echarts.init(document.getElementById('chart-amounts'));
    amounts.setOption({
      animation: false,
      title: { text: '各措施发放金额（元）：修改前与修改后', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24, data: ['修改前', '修改后'] },
      grid: { top: 60, left: 80, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: measures },
      yAxis: { type: 'value' },
      series: [
        { name: '修改前', type: 'bar', data: result.measures.map(function (m) { return Number(m.amountBefore); }) },
        { name: '修改后', type: 'bar', data: result.measures.map(function (m) { return Number(m.amountAfter); }) }
      ]
    });
    var quotas = echarts.init(document.getElementById('chart-quotas'));
    quotas.setOption({
      animation: false,
      title: { text: '名额使用：修改前、修改后与上限', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { top: 24, data: ['修改前已用', '修改后已用', '上限'] },
      grid: { top: 60, left: 60, right: 20, bottom: 60 },
      xAxis: { type: 'category', data: result.quotas.map(function (q) { return q.scope; }), axisLabel: { rotate: 20 } },
      yAxis: { type: 'value' },
      series: [
        { name: '修改前已用', type: 'bar', data: result.quotas.map(function (q) { return Number(q.usedBefore); }) },
        { name: '修改后已用', type: 'bar', data: result.quotas.map(function (q) { return Number(q.usedAfter); }) },
        { name: '上限', type: 'line', step: 'middle', data: result.quotas.map(function (q) { return Number(q.limit); }) }
      ]
    });
    window.addEventListener('resize', function () { amounts.resize(); quotas.resize(); });
    box.dataset.drawn = 'true';
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
