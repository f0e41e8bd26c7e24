// dateline dashboard: shared helpers (token storage, JSON requests, event-type colours).
"use strict";

window.dateline = (function () {
  const TOKEN_KEY = "dateline-token";

  // One colour per ACLED event type; the CSS legend uses the same values.
  const TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2e86c1",
    "Riots": "#b7950b",
    "Strategic developments": "#27ae60",
  };
  const OTHER_COLOUR = "#7f8c8d";

  function colour(type) {
    return TYPE_COLOURS[type] || OTHER_COLOUR;
  }

  function getToken() {
    try { return window.localStorage.getItem(TOKEN_KEY) || ""; } catch (e) { return ""; }
  }

  function setToken(value) {
    try {
      if (value) window.localStorage.setItem(TOKEN_KEY, value);
      else window.localStorage.removeItem(TOKEN_KEY);
    } catch (e) { /* private mode: the token lives for this page only */ }
    // The cookie only opens pages on servers where reading needs a token; writes always use the header.
    document.cookie = "dateline_token=" + encodeURIComponent(value || "") + "; path=/; SameSite=Strict" +
      (value ? "" : "; max-age=0");
  }

  // fetch JSON with the bearer token; rejects with the server's `detail` message on 4xx/5xx.
  async function request(method, url, body) {
    const headers = { "Accept": "application/json" };
    const token = getToken();
    if (token) headers["Authorization"] = "Bearer " + token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const resp = await fetch(url, {
      method: method,
      headers: headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await resp.json(); } catch (e) { data = null; }
    if (!resp.ok) {
      let detail = data && data.detail !== undefined ? data.detail : resp.statusText;
      if (typeof detail !== "string") detail = JSON.stringify(detail);
      throw new Error(resp.status + ": " + detail);
    }
    return data;
  }

  function wireTokenBox() {
    const input = document.getElementById("token-input");
    const state = document.getElementById("token-state");
    if (!input) return;
    const show = () => { if (state) state.textContent = getToken() ? "token set" : "no token (read-only)"; };
    input.value = getToken();
    input.addEventListener("change", () => {
      setToken(input.value.trim());
      show();
      document.dispatchEvent(new CustomEvent("dateline:token")); // pages show or hide their review controls
    });
    show();
  }

  document.addEventListener("DOMContentLoaded", wireTokenBox);

  return { colour: colour, TYPE_COLOURS: TYPE_COLOURS, getToken: getToken, setToken: setToken, request: request };
})();
