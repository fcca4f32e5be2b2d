// Add and remove line rows of the claim form; rows are renumbered so the server binds lines[0..n].
(function () {
  var body = document.querySelector('#lines tbody');
  if (!body) { return; }
  function renumber() {
    body.querySelectorAll('tr.line').forEach(function (row, i) {
      row.querySelector('.row-no').textContent = i + 1;
      row.querySelectorAll('input').forEach(function (input) {
        input.name = input.name.replace(/lines\[\d+\]/, 'lines[' + i + ']');
        input.id = input.name.replace(/[\[\]]/g, '').replace('.', '');
      });
    });
  }
  function fillAmount(row) {
    var price = row.querySelector('.unit-price').value.trim(), qty = row.querySelector('.quantity').value.trim();
    var amount = row.querySelector('.amount');
    if (amount.value.trim() !== '' || !/^\d+(\.\d+)?$/.test(price) || !/^\d+(\.\d+)?$/.test(qty)) { return; }
    // exact decimal arithmetic on scaled integers, half-up to the fen, as the server checks it
    function scaled(s) { var p = s.split('.'); var d = p[1] || ''; return { n: BigInt(p[0] + d), s: d.length }; }
    var a = scaled(price), b = scaled(qty), n = a.n * b.n, s = a.s + b.s;
    var fen = s <= 2 ? n * (10n ** BigInt(2 - s)) : (n + 5n * 10n ** BigInt(s - 3)) / 10n ** BigInt(s - 2);
    var text = fen.toString().padStart(3, '0');
    amount.value = text.slice(0, -2) + '.' + text.slice(-2);
  }
  document.getElementById('add-line').addEventListener('click', function () {
    var rows = body.querySelectorAll('tr.line');
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll('input').forEach(function (input) { input.value = ''; input.classList.remove('bad'); });
    body.appendChild(copy);
    renumber();
    copy.querySelector('input').focus();
  });
  body.addEventListener('click', function (event) {
    if (!event.target.classList.contains('remove-line')) { return; }
    var rows = body.querySelectorAll('tr.line');
    var row = event.target.closest('tr');
    if (rows.length === 1) { row.querySelectorAll('input').forEach(function (input) { input.value = ''; }); }
    else { row.remove(); }
    renumber();
  });
  body.addEventListener('change', function (event) {
    var row = event.target.closest('tr.line');
    if (row && (event.target.classList.contains('unit-price') || event.target.classList.contains('quantity'))) { fillAmount(row); }
  });
  // a change after the preview must be previewed again before it can be settled
  var form = document.getElementById('claim-form'), settle = document.getElementById('settle');
  form.addEventListener('input', function () { settle.disabled = true; });
  form.addEventListener('submit', function () {
    setTimeout(function () { form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; }); }, 0);
  });
}());
