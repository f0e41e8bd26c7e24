// dateline dashboard: the event page and review queue — evidence hover, review actions, keyboard shortcuts
// (a = accept, r = reject, n or j = next without deciding).
"use strict";

(function () {
  const panel = document.getElementById("review");
  if (!panel) return;
  const eventUrl = panel.dataset.eventUrl;
  const nextUrl = panel.dataset.nextUrl || "";
  const inQueue = panel.dataset.queue === "1";
  const status = document.getElementById("review-status");

  function say(text, isError) {
    if (!status) return;
    status.textContent = text;
    status.className = isError ? "review-status error" : "review-status ok";
  }

  function comment() {
    const box = document.getElementById("review-comment");
    return box ? box.value.trim() : "";
  }

  // Only the fields the reviewer changed are sent; an emptied input means "clear this field".
  function changedFields() {
    const fields = {};
    document.querySelectorAll("#correct-form [data-field-input]").forEach((input) => {
      const original = input.dataset.original || "";
      const value = input.value.trim();
      if (value === original) return;
      fields[input.name] = value === "" ? null : value;
    });
    return fields;
  }

  function afterReview() {
    if (inQueue && nextUrl) window.location.assign(nextUrl);
    else window.location.reload();
  }

  async function review(action) {
    // The version this page shows: if someone reviewed the event since, the server answers 409, not overwrite.
    const body = { action: action, comment: comment() || null, version: Number(panel.dataset.version) || null };
    if (action === "correct") {
      body.fields = changedFields();
      if (!Object.keys(body.fields).length) { say("Change a field first.", true); return; }
    }
    if (!dateline.getToken()) { say("Enter an API token (top right) to review.", true); return; }
    say("Saving…", false);
    try {
      await dateline.request("PATCH", eventUrl, body);
      say("Saved: " + action, false);
      afterReview();
    } catch (err) {
      say(err.message, true);
    }
  }

  // Review buttons only for someone who can use them: without a token every click would end in a 401.
  function showControls() {
    const hasToken = !!dateline.getToken();
    const actions = document.getElementById("review-actions");
    const note = document.getElementById("needs-token");
    const save = document.getElementById("btn-correct");
    if (actions) actions.hidden = !hasToken;
    if (save) save.hidden = !hasToken;
    if (note) note.hidden = hasToken;
  }
  showControls();
  document.addEventListener("dateline:token", showControls);

  document.querySelectorAll("[data-action]").forEach((button) => {
    button.addEventListener("click", (e) => { e.preventDefault(); review(button.dataset.action); });
  });
  const form = document.getElementById("correct-form");
  if (form) form.addEventListener("submit", (e) => { e.preventDefault(); review("correct"); });

  document.addEventListener("keydown", (e) => {
    const tag = (e.target && e.target.tagName) || "";
    if (["INPUT", "TEXTAREA", "SELECT"].includes(tag) || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "a") { e.preventDefault(); review("accept"); }
    else if (e.key === "r") { e.preventDefault(); review("reject"); }
    else if ((e.key === "n" || e.key === "j") && nextUrl) { e.preventDefault(); window.location.assign(nextUrl); }
  });

  // Hovering a field row lights up its evidence in the article; clicking scrolls to it.
  document.querySelectorAll("tr[data-field]").forEach((row) => {
    const field = row.dataset.field;
    const marks = () => document.querySelectorAll('mark[data-fields~="' + CSS.escape(field) + '"]');
    row.addEventListener("mouseenter", () => marks().forEach((m) => m.classList.add("active")));
    row.addEventListener("mouseleave", () => marks().forEach((m) => m.classList.remove("active")));
    row.addEventListener("click", () => { const m = marks()[0]; if (m) m.scrollIntoView({ block: "center" }); });
  });
})();
