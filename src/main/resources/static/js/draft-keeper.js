// Keeps what the user typed in the browser while they type, so that a session that expired
// (the save then lands on the login page) or a closed tab costs nothing: the next visit to the
// same form offers to restore it. Cleared once the server confirms a save.
(function () {
  var form = document.getElementById('filing-form');
  if (!form) { return; }
  // Kept per person (a shared office PC), for a day at most, and wiped at sign-out: the copy holds
  // the team's mobiles, which must not outlive the person's session on that machine.
  var owner = form.dataset.owner || '';
  var key = 'qunbei-form:' + owner + ':' + form.getAttribute('action');
  var DAY = 24 * 60 * 60 * 1000;
  var saved = document.getElementById('notice') !== null;

  function read() {
    var state = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit' || el.type === 'file') { return; }
      if (el.type === 'checkbox' || el.type === 'radio') {
        if (el.checked) { (state[el.name] = state[el.name] || []).push(el.value); }
      } else if (el.value !== '') {
        state[el.name] = el.value;
      }
    });
    return state;
  }

  function write(state) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit' || el.type === 'file') { return; }
      var v = state[el.name];
      if (el.type === 'checkbox' || el.type === 'radio') {
        el.checked = Array.isArray(v) && v.indexOf(el.value) >= 0;
      } else {
        el.value = v === undefined ? '' : v;
      }
    });
    form.dispatchEvent(new Event('change', {bubbles: true}));
  }

  if (saved) {
    // The server has it now: forget the browser's copy (and the new-form copy it came from).
    localStorage.removeItem(key);
    localStorage.removeItem('qunbei-form:' + owner + ':/filings');
  }
  var kept = localStorage.getItem(key);
  if (kept && JSON.parse(kept).at < Date.now() - DAY) {
    localStorage.removeItem(key);
    kept = null;
  }
  if (kept && !saved) {
    var data = JSON.parse(kept);
    if (JSON.stringify(data.state) !== JSON.stringify(read())) {
      var bar = document.createElement('div');
      bar.className = 'alert alert-info d-flex flex-wrap gap-2 align-items-center';
      bar.id = 'restore-bar';
      var text = document.createElement('span');
      // The page's texts come from the server's bundles, in the reader's language.
      var lang = document.documentElement.lang || 'zh-CN';
      text.textContent = form.dataset.restoreText.replace('{0}', new Date(data.at).toLocaleString(lang));
      var restore = document.createElement('button');
      restore.type = 'button';
      restore.className = 'btn btn-sm btn-primary';
      restore.id = 'restore';
      restore.textContent = form.dataset.restoreButton;
      restore.onclick = function () { write(data.state); bar.remove(); };
      var discard = document.createElement('button');
      discard.type = 'button';
      discard.className = 'btn btn-sm btn-outline-secondary';
      discard.textContent = form.dataset.discardButton;
      discard.onclick = function () { localStorage.removeItem(key); bar.remove(); };
      bar.append(text, restore, discard);
      form.parentNode.insertBefore(bar, form);
    }
  }
  function keep() {
    try {
      localStorage.setItem(key, JSON.stringify({at: Date.now(), state: read()}));
    } catch (e) { /* storage full or disabled: the server copy is what counts */ }
  }
  form.addEventListener('input', keep);
  form.addEventListener('change', keep);
})();
