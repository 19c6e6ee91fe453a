// Draws each statistics table as a chart: the table is the source of the figures, so the chart and
// the numbers beside it can never disagree.
document.querySelectorAll('canvas[data-kind]').forEach(function (canvas) {
  var table = document.getElementById(canvas.id.replace('chart-', 'table-'));
  var labels = [], counts = [];
  table.querySelectorAll('tbody tr').forEach(function (tr) {
    labels.push(tr.cells[0].textContent);
    counts.push(Number(tr.cells[1].textContent));
  });
  var kind = canvas.dataset.kind;
  new Chart(canvas, {
    type: kind,
    data: {labels: labels, datasets: [{label: canvas.dataset.label, data: counts,
      backgroundColor: kind === 'doughnut'
        ? ['#0d6efd', '#198754', '#fd7e14', '#6f42c1', '#6c757d'] : '#0d6efd'}]},
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: {display: kind === 'doughnut', position: 'right'}},
      scales: kind === 'doughnut' ? {} : {y: {beginAtZero: true, ticks: {precision: 0}}}
    }
  });
});
