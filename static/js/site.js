/* Progressive enhancement only: every page works without this file. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    // "Copy text" buttons: shown only when the clipboard API is there.
    document.querySelectorAll("[data-copy-target]").forEach(function (button) {
        var target = document.getElementById(button.getAttribute("data-copy-target"));
        if (!target || !navigator.clipboard) {
            return;
        }
        button.hidden = false;
        var status = button.parentNode.querySelector(".copy-status");
        button.addEventListener("click", function () {
            navigator.clipboard.writeText(target.textContent.trim()).then(function () {
                if (status) {
                    status.textContent = button.getAttribute("data-copied-label");
                }
            });
        });
    });
})();
