// The claim form: line rows (add, remove, amount from price × quantity), catalog suggestions as the clerk
// types an item, the patient's name from the registry. Rows are renumbered so the server binds lines[0..n].
(function () {
  var body = document.querySelector('#lines tbody');
  if (!body) { return; }
  var config = window.medclaimsDesk || {};

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

  // catalog suggestions: items whose code or name starts with what was typed, valid on the claim's end date
  var pending = null;
  function suggest(input) {
    var row = input.closest('tr.line'), list = row.querySelector('ul.suggestions'), query = input.value.trim();
    if (!config.catalog || query === '') { list.hidden = true; return; }
    var end = document.getElementById('endDate');
    var url = config.catalog + '?query=' + encodeURIComponent(query) + '&date=' + encodeURIComponent(end ? end.value.trim() : '');
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) { if (input.value.trim() === query) { show(list, items, row); } });
  }
  function describe(item) {
    var parts = [item.itemClass, config.ratio.replace('{0}', item.selfPayRatio)];
    if (item.maxUnitPrice) { parts.push(config.maxPrice.replace('{0}', item.maxUnitPrice)); }
    return parts.join(' · ');
  }
  function show(list, items, row) {
    list.innerHTML = '';
    if (items.length === 0) {
      var none = document.createElement('li');
      none.className = 'muted none';
      none.textContent = config.noMatch;
      list.appendChild(none);
    }
    items.forEach(function (item) {
      var li = document.createElement('li');
      li.dataset.code = item.itemCode;
      li.textContent = item.itemCode + ' · ' + item.name;
      var info = document.createElement('span');
      info.className = 'muted';
      info.textContent = describe(item);
      li.appendChild(info);
      // mousedown, not click: it comes before the input loses its focus
      li.addEventListener('mousedown', function (event) { event.preventDefault(); choose(row, item); });
      list.appendChild(li);
    });
    list.hidden = false;
  }
  function choose(row, item) {
    row.querySelector('.item-code').value = item.itemCode;
    row.querySelector('.item-name').value = item.name;
    row.querySelector('.item-info').textContent = describe(item);
    row.querySelector('ul.suggestions').hidden = true;
    row.querySelector('.unit-price').focus();
  }
  body.addEventListener('input', function (event) {
    if (!event.target.classList.contains('item-code')) { return; }
    clearTimeout(pending);
    var input = event.target;
    pending = setTimeout(function () { suggest(input); }, 150);
  });
  body.addEventListener('keydown', function (event) {
    if (!event.target.classList.contains('item-code')) { return; }
    var list = event.target.closest('tr.line').querySelector('ul.suggestions');
    var items = Array.prototype.slice.call(list.querySelectorAll('li[data-code]'));
    if (list.hidden || items.length === 0) { return; }
    var at = items.findIndex(function (li) { return li.classList.contains('active'); });
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (at >= 0) { items[at].classList.remove('active'); }
      at = event.key === 'ArrowDown' ? Math.min(items.length - 1, at + 1) : Math.max(0, at - 1);
      items[at].classList.add('active');
    }
    else if (event.key === 'Enter' && at >= 0) {
      event.preventDefault();
      items[at].dispatchEvent(new MouseEvent('mousedown'));
    }
    else if (event.key === 'Escape') { list.hidden = true; }
  });
  body.addEventListener('focusout', function (event) {
    if (event.target.classList.contains('item-code')) {
      event.target.closest('tr.line').querySelector('ul.suggestions').hidden = true;
    }
  });

  document.getElementById('add-line').addEventListener('click', function () {
    var rows = body.querySelectorAll('tr.line');
    var copy = rows[rows.length - 1].cloneNode(true);
    copy.querySelectorAll('input').forEach(function (input) { input.value = ''; input.classList.remove('bad'); });
    copy.querySelector('.item-info').textContent = '';
    copy.querySelector('ul.suggestions').innerHTML = '';
    copy.querySelector('ul.suggestions').hidden = true;
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

  // the patient's name comes from the registry; a different one is shown at the preview and must be confirmed
  var patientId = document.getElementById('patientId'), patientName = document.getElementById('patientName');
  if (patientId && patientName && config.person) {
    patientId.addEventListener('change', function () {
      var id = patientId.value.trim();
      if (id.length !== 18) { return; }
      fetch(config.person + '?id=' + encodeURIComponent(id), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (person) {
          if (!person) { return; }
          if (patientName.value.trim() === '') { patientName.value = person.name; }
          var hint = document.getElementById('registry-name');
          if (hint) { hint.textContent = person.name + ' · ' + person.category; }
        });
    });
  }

  // a change after the preview must be previewed again before it can be settled (confirming the name is no change)
  var form = document.getElementById('claim-form'), settle = document.getElementById('settle');
  form.addEventListener('input', function (event) { if (event.target.id !== 'name-confirmed') { settle.disabled = true; } });
  form.addEventListener('submit', function () {
    setTimeout(function () { form.querySelectorAll('button[type=submit]').forEach(function (b) { b.disabled = true; }); }, 0);
  });
}());
