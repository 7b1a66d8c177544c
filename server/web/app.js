// kaiji's page: the state of a view (query, filters, sort, page, grouping, open notice)
// kept in the URL, so a view can be bookmarked and shared and back/forward work; searching
// as you type (debounced, never while an IME is composing).
"use strict";

(() => {
  const PAGE_SIZE = 20;
  const DEBOUNCE_MS = 250;
  const v = kaijiView;
  const $ = (id) => document.getElementById(id);
  const labels = {};  // facet → slug → Japanese label, from /api/v1/taxonomy
  let typingEntry = false;  // the current history entry was made by typing: keep replacing it
  let latest = 0;           // the newest request; answers to older ones are dropped

  // A token given once as #token=… is kept for the session and sent with every request.
  if (location.hash.startsWith("#token=")) {
    sessionStorage.setItem("kaiji-token", decodeURIComponent(location.hash.slice(7)));
    history.replaceState(null, "", location.pathname + location.search);
  }
  const headers = () => {
    const token = sessionStorage.getItem("kaiji-token");
    return token ? { Authorization: `Bearer ${token}` } : {};
  };

  function readState() {
    const p = new URLSearchParams(location.search);
    return { q: p.get("q") || "", filters: p.getAll("filter"), sort: p.get("sort") || "",
      page: Math.max(1, parseInt(p.get("page") || "1", 10) || 1), group: p.get("group") === "incident",
      id: p.get("id") || "" };
  }

  function stateQuery(s, withPaging) {
    const p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    for (const f of s.filters) p.append("filter", f);
    if (s.sort) p.set("sort", s.sort);
    if (s.group) p.set("group", "incident");
    if (withPaging && s.page > 1) p.set("page", String(s.page));
    return p;
  }

  function go(change, { typing = false } = {}) {
    const s = Object.assign(readState(), change);
    const p = stateQuery(s, true);
    if (s.id) p.set("id", s.id);
    const url = `${location.pathname}${p.toString() ? "?" + p : ""}`;
    if (typing && typingEntry) history.replaceState(null, "", url);
    else history.pushState(null, "", url);
    typingEntry = typing;
    render();
  }

  async function api(path) {
    const response = await fetch(path, { headers: headers() });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : `HTTP ${response.status}`);
    return body;
  }

  function toggleFilter(filter) {
    const filters = readState().filters;
    const at = filters.indexOf(filter);
    if (at >= 0) filters.splice(at, 1); else filters.push(filter);
    go({ filters, page: 1, id: "" });
  }

  function removeFilter(filter) {
    go({ filters: readState().filters.filter((f) => f !== filter), page: 1, id: "" });
  }

  function showMessage(text, suggestions = []) {
    const box = $("notice-message");
    box.replaceChildren(document.createTextNode(text));
    for (const [label, action] of suggestions) {
      box.append(" ", v.el("button", { type: "button", class: "link-button", text: label, onclick: action }));
    }
    box.hidden = false;
  }

  // Nothing matched: say what could be removed to find something.
  function suggestRemovals(s, response) {
    const suggestions = response.filters.map((f) => [`「${v.filterLabel(f)}」を外す`, () => removeFilter(`${f.facet}:${f.value}`)]);
    if (s.q) suggestions.push([`検索語「${s.q}」を消す`, () => { $("q").value = ""; go({ q: "", page: 1 }); }]);
    showMessage("該当する通知はありません。", suggestions);
  }

  function renderCount(s, response) {
    const unit = response.grouped ? "事案" : "件";
    const first = response.total ? response.offset + 1 : 0;
    const last = response.offset + response.results.length;
    const about = response.total_is_estimate ? "約" : "";
    $("count").textContent = response.total
      ? `${v.number(first)}–${v.number(last)} / ${about}${v.number(response.total)}${unit}` : `0${unit}`;
    if (response.partial) showMessage("すべての語を含む通知はありません。一部の語に一致する通知を表示しています。");
  }

  function renderResults(s, response) {
    $("notice-message").hidden = true;
    renderCount(s, response);
    $("results").replaceChildren(...response.results.map((hit) => v.card(hit, labels, (id) => go({ id }))));
    if (!response.total) suggestRemovals(s, response);
    v.facets($("facets"), response, toggleFilter);
    v.histogram($("hist-year"), "year", response.histograms.year, toggleFilter);
    v.histogram($("hist-month"), "month", response.histograms.month, toggleFilter);
    v.chips($("chips"), response.filters, removeFilter);
    $("clear-all").hidden = response.filters.length === 0;
    v.pager($("pager"), response, s.page, PAGE_SIZE, (page) => { go({ page }); window.scrollTo(0, 0); });
    const exported = stateQuery(s, false).toString();
    $("export-csv").href = `/api/v1/export.csv${exported ? "?" + exported : ""}`;
    $("export-jsonl").href = `/api/v1/export.jsonl${exported ? "?" + exported : ""}`;
  }

  function syncControls(s) {
    if (document.activeElement !== $("q")) $("q").value = s.q;
    $("sort").value = s.sort;
    $("group").checked = s.group;
    const affected = s.filters.find((f) => f.startsWith("affected:"));
    const [low, high] = affected ? affected.slice(9).split("..") : ["", ""];
    $("affected-min").value = low || "";
    $("affected-max").value = high || "";
  }

  async function renderNotice(s, request) {
    const [notice, similar] = await Promise.all([api(`/api/v1/notices/${encodeURIComponent(s.id)}`),
      api(`/api/v1/notices/${encodeURIComponent(s.id)}/similar`)]);
    if (request !== latest) return;
    v.notice($("notice"), notice, similar, labels, (id) => go({ id }), () => history.back());
    document.title = `${notice.title} — kaiji`;
    $("back").focus();
  }

  async function render() {
    const s = readState();
    const request = ++latest;
    syncControls(s);
    $("notice").hidden = !s.id;
    document.querySelector(".results-pane").hidden = !!s.id;
    try {
      if (s.id) return await renderNotice(s, request);
      document.title = s.q ? `${s.q} — kaiji` : "kaiji — 漏えい事案の検索";
      const p = stateQuery(s, false);
      p.set("limit", String(PAGE_SIZE));
      p.set("offset", String((s.page - 1) * PAGE_SIZE));
      p.set("facets", "1");
      const response = await api(`/api/v1/search?${p}`);
      if (request === latest) renderResults(s, response);
    } catch (error) {
      if (request !== latest) return;
      document.querySelector(".results-pane").hidden = false;
      $("results").replaceChildren();
      $("count").textContent = "";
      showMessage(`検索できませんでした: ${error.message}`);
    }
  }

  function wireSearchBox() {
    const box = $("q");
    let composing = false, timer = 0;
    const schedule = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (box.value.trim() !== readState().q) go({ q: box.value.trim(), page: 1, id: "" }, { typing: true });
      }, DEBOUNCE_MS);
    };
    box.addEventListener("compositionstart", () => { composing = true; clearTimeout(timer); });
    box.addEventListener("compositionend", () => { composing = false; schedule(); });
    box.addEventListener("input", (event) => { if (!composing && !event.isComposing) schedule(); });
    $("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      clearTimeout(timer);
      go({ q: box.value.trim(), page: 1, id: "" });
    });
    document.addEventListener("keydown", (event) => {
      const typingElsewhere = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
      if (event.key === "/" && !typingElsewhere) { event.preventDefault(); box.focus(); box.select(); }
    });
  }

  function wireControls() {
    $("sort").addEventListener("change", () => go({ sort: $("sort").value, page: 1 }));
    $("group").addEventListener("change", () => go({ group: $("group").checked, page: 1 }));
    $("clear-all").addEventListener("click", () => go({ filters: [], page: 1 }));
    $("home").addEventListener("click", (event) => { event.preventDefault(); go({ q: "", filters: [], sort: "", page: 1, group: false, id: "" }); });
    $("affected-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const low = $("affected-min").value, high = $("affected-max").value;
      const filters = readState().filters.filter((f) => !f.startsWith("affected:"));
      if (low || high) filters.push(`affected:${low}..${high}`);
      go({ filters, page: 1 });
    });
    window.addEventListener("popstate", () => { typingEntry = false; render(); });
  }

  async function start() {
    wireSearchBox();
    wireControls();
    try {
      const taxonomy = await api("/api/v1/taxonomy");
      for (const [facet, values] of Object.entries(taxonomy.facets)) {
        labels[facet] = Object.fromEntries(values.map((x) => [x.value, x.label]));
      }
    } catch (error) { /* labels fall back to the values themselves */ }
    render();
  }

  start();
})();
