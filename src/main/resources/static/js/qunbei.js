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
