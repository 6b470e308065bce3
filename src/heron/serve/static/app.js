// Heron dashboard: the only script. It sends accept/reject decisions on the actors page with the
// edit token the analyst pasted (kept in this tab's sessionStorage). Everything else is plain HTML.
(function () {
  "use strict";
  function init() {
    var box = document.getElementById("token");
    if (!box) return;
    box.value = sessionStorage.getItem("heron-token") || "";
    box.addEventListener("change", function () { sessionStorage.setItem("heron-token", box.value.trim()); });
    document.querySelectorAll("button[data-decision]").forEach(function (btn) {
      btn.addEventListener("click", function () {
        var status = document.getElementById("review-status");
        fetch("/api/v1/actors/review", {
          method: "POST",
          headers: { "Content-Type": "application/json", "X-Heron-Token": box.value.trim() },
          body: JSON.stringify({ name: btn.dataset.name, decision: btn.dataset.decision })
        }).then(function (r) { return r.json().then(function (j) { return [r.status, j]; }); })
          .then(function (res) {
            status.textContent = res[0] === 200 ? (btn.dataset.decision + "ed " + btn.dataset.name) : res[1].error;
            if (res[0] === 200) { var row = btn.closest("tr"); if (row) row.classList.add("reviewed"); }
          });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
