// Catapult UI: progressive enhancement only; every page works without it.
(function () {
  'use strict';

  // No double submits: a form marked data-once disables its buttons once it is submitted.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute('data-once')) return;
    if (form.dataset.submitted) { event.preventDefault(); return; }
    form.dataset.submitted = 'true';
    form.setAttribute('aria-busy', 'true');
    // After the submit has started, so the browser still sends the form.
    setTimeout(function () {
      form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    }, 0);
  });

  // Live refresh: replace a section marked data-refresh with the server's fresh copy of it.
  document.addEventListener('DOMContentLoaded', function () {
    var section = document.querySelector('[data-refresh]');
    if (!section) return;
    var seconds = parseInt(section.getAttribute('data-refresh-seconds'), 10) || 10;
    setInterval(function () {
      if (document.hidden) return;
      var current = document.getElementById(section.id);
      if (current && current.contains(document.activeElement) && document.activeElement !== document.body) return;
      fetch(section.getAttribute('data-refresh'), { credentials: 'same-origin', headers: { 'X-Catapult-Refresh': '1' } })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(section.id);
          var old = document.getElementById(section.id);
          if (fresh && old) {
            old.replaceWith(fresh);
            document.body.setAttribute('data-refreshed-at', String(Date.now()));
          }
        })
        .catch(function () { /* signed out or offline: keep the last matrix */ });
    }, seconds * 1000);
  });
})();
