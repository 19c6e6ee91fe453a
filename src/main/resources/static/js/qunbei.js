// Shows a block only while the choice it depends on is made: data-show-when="name=VALUE".
// The server checks everything again; this only spares the user fields that do not apply.
(function () {
  function update() {
    document.querySelectorAll('[data-show-when]').forEach(function (el) {
      var any = el.getAttribute('data-show-when').split('|').some(function (cond) {
        var parts = cond.split('=');
        var inputs = document.querySelectorAll('[name="' + parts[0] + '"]');
        return Array.prototype.some.call(inputs, function (i) {
          return (i.type === 'checkbox' || i.type === 'radio') ? (i.checked && i.value === parts[1]) : i.value === parts[1];
        });
      });
      el.hidden = !any;
    });
  }
  document.addEventListener('change', update);
  document.addEventListener('DOMContentLoaded', function () {
    update();
    var first = document.querySelector('.is-invalid');
    if (first) { first.scrollIntoView({block: 'center'}); }
  });
})();

// A value shown once to copy (a new token): one click selects it all. No inline handlers: the
// Content-Security-Policy allows scripts from this server only.
document.addEventListener('click', function (e) {
  if (e.target.matches && e.target.matches('[data-select-on-click]')) { e.target.select(); }
});

// A secret shown once is rendered on the POST's own response (never carried through the session,
// which lives in the database); the address then becomes the plain page, so a reload is a GET.
(function () {
  var meta = document.querySelector('meta[name="qunbei-replace-url"]');
  if (meta && window.history && history.replaceState) {
    history.replaceState(null, '', meta.getAttribute('content'));
  }
})();

// Signing out wipes the browser's copies of unsaved forms (draft-keeper.js): on a shared PC the
// next person must not find this one's team and their mobiles.
document.addEventListener('submit', function (e) {
  if (e.target.matches && e.target.matches('form[data-sign-out]')) {
    Object.keys(localStorage).forEach(function (k) {
      if (k.indexOf('qunbei-form:') === 0) { localStorage.removeItem(k); }
    });
  }
});

// A step that cannot be taken back asks first: a form with data-confirm always, or only while its
// choice data-confirm-when="name=VALUE" is made (rejecting, not approving). The server does not
// depend on it: a script or a refusal to answer changes nothing it checks.
document.addEventListener('submit', function (e) {
  var form = e.target;
  if (!form.matches || !form.matches('form[data-confirm]')) { return; }
  var when = form.getAttribute('data-confirm-when');
  if (when) {
    var parts = when.split('=');
    var chosen = form.querySelector('[name="' + parts[0] + '"]:checked');
    if (!chosen || chosen.value !== parts[1]) { return; }
  }
  if (!window.confirm(form.getAttribute('data-confirm'))) { e.preventDefault(); }
});

// Batch approval: "全选" ticks every row of its list, and the button shows how many are ticked.
(function () {
  function count(name) {
    document.querySelectorAll('[data-count-of="' + name + '"]').forEach(function (el) {
      el.textContent = document.querySelectorAll('input[name="' + name + '"]:checked').length;
    });
  }
  document.addEventListener('change', function (e) {
    var t = e.target;
    if (!t.matches) { return; }
    if (t.matches('[data-select-all]')) {
      var name = t.getAttribute('data-select-all');
      document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) { box.checked = t.checked; });
      count(name);
    } else if (t.name && document.querySelector('[data-count-of="' + t.name + '"]')) {
      count(t.name);
    }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-count-of]').forEach(function (el) { count(el.getAttribute('data-count-of')); });
  });
})();

// A filing read on a phone: its long sections fold to their headings (tap to open); on a desk, and
// without script, they stay open as on paper.
document.addEventListener('DOMContentLoaded', function () {
  if (window.matchMedia && window.matchMedia('(max-width: 767.98px)').matches) {
    document.querySelectorAll('details[data-fold-on-phone]').forEach(function (d) { d.open = false; });
  }
});

// The decision bar's buttons go to the form with their choice made and the opinion ready to type.
document.addEventListener('click', function (e) {
  var link = e.target.closest && e.target.closest('[data-decide]');
  if (!link) { return; }
  var radio = document.getElementById('decision-' + link.getAttribute('data-decide'));
  if (radio) { radio.checked = true; radio.dispatchEvent(new Event('change', {bubbles: true})); }
  var opinion = document.getElementById('opinion');
  if (opinion) { setTimeout(function () { opinion.focus(); }, 0); }
});

// A link that led to sign-in keeps its place on the page (a notice's /filings/7#decide): the
// server never sees the "#decide", so the sign-in form carries it, and the browser keeps it across
// the redirect back to the filing.
(function () {
  var hash = window.location.hash;
  if (!hash || !/^#[A-Za-z][\w-]*$/.test(hash)) { return; }
  document.querySelectorAll('form[data-keeps-hash]').forEach(function (form) {
    form.setAttribute('action', form.getAttribute('action').split('#')[0] + hash);
  });
})();

// A stock opinion (常用意见) fills the decision's opinion with one tap; the approver may still edit
// it before submitting, and the server checks it like any typed opinion.
document.addEventListener('click', function (e) {
  var chip = e.target.closest ? e.target.closest('[data-opinion]') : null;
  var box = document.getElementById('opinion');
  if (!chip || !box) { return; }
  box.value = chip.getAttribute('data-opinion');
  box.dispatchEvent(new Event('input', {bubbles: true}));
  box.focus();
  box.setSelectionRange(box.value.length, box.value.length);
});
