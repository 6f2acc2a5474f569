// furo's theme detection (inline in furo's base.html), as a file for the strict CSP.
document.body.dataset.theme = localStorage.getItem("theme") || "auto";
