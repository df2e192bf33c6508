// Live progress for a running reindex; without JavaScript the page reloads itself instead.
(function () {
  "use strict";
  var box = document.getElementById("reindex-job");
  var status = document.getElementById("job-status");
  if (!box || !status || status.getAttribute("data-status") !== "running") { return; }
  // Polling replaces the meta refresh, so the page does not jump while it is read.
  var refresh = document.querySelector('meta[http-equiv="refresh"]');
  if (refresh) { refresh.parentNode.removeChild(refresh); }
  var bar = document.getElementById("fortschritt");
  var text = document.getElementById("fortschritt-text");
  var message = document.getElementById("job-message");
  var report = document.getElementById("job-report");
  var labels = { running: "Läuft … ", done: "Fertig: ", failed: "Fehlgeschlagen: " };

  function show(job) {
    bar.value = job.percent;
    bar.textContent = job.percent + " %";
    text.textContent = job.done + (job.total ? " von " + job.total : "") + " Seiten";
    status.firstChild.textContent = labels[job.status] || "";
    message.textContent = job.message;
    status.setAttribute("data-status", job.status);
    status.className = job.status === "failed" ? "error-box" : "notice";
    if (job.report) { report.textContent = job.report; report.hidden = false; }
    if (job.status !== "running") {
      var form = box.querySelector("form");
      var reload = document.getElementById("job-reload");
      if (form) { form.hidden = true; }
      if (reload) { reload.hidden = true; }
    }
  }

  function poll() {
    fetch(box.getAttribute("data-status-url"), { credentials: "same-origin",
                                                 headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (job) { show(job); if (job.status === "running") { setTimeout(poll, 1000); } })
      .catch(function () { setTimeout(poll, 3000); });
  }
  poll();
}());
