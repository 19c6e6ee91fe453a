// Draws the review's progress table as a stacked bar per department: the table is the source of
// the figures, so the chart and the numbers beside it can never disagree.
(function () {
  var canvas = document.getElementById('review-chart');
  var table = document.getElementById('progress');
  if (!canvas || !table) {
    return;
  }
  var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
    return th.textContent;
  });
  var labels = [], series = [[], [], [], []];
  table.querySelectorAll('tbody tr').forEach(function (tr) {
    labels.push(tr.cells[0].textContent);
    for (var i = 0; i < 4; i++) {
      series[i].push(Number(tr.cells[i + 2].textContent));
    }
  });
  var colours = ['#198754', '#0d6efd', '#6c757d', '#dc3545'];
  new Chart(canvas, {
    type: 'bar',
    data: {labels: labels, datasets: series.map(function (data, i) {
      return {label: heads[i + 2], data: data, backgroundColor: colours[i]};
    })},
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true, ticks: {precision: 0}}}
    }
  });
})();
