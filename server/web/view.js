// kaiji's page: building the DOM from API responses. Notice text is data from the web
// and may hold markup, so it only ever becomes text nodes (never innerHTML).
"use strict";

const kaijiView = (() => {
  const FACET_NAMES = {
    cause: "原因", cause_family: "原因の分類", sector: "業種", outcome: "結果", data: "漏えいした情報",
    label: "ラベル", year: "年", month: "月", affected: "影響件数", date: "日付", incident: "事案",
  };
  const FACET_ORDER = ["cause", "cause_family", "sector", "outcome", "data", "label"];

  function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else if (value === true) node.setAttribute(key, "");
      else if (value !== false && value != null) node.setAttribute(key, value);
    }
    for (const child of children) node.append(child);
    return node;
  }

  const number = (n) => Number(n).toLocaleString("ja-JP");

  // "1000..50000" → "1,000〜50,000"
  function affectedLabel(value) {
    const [low, high] = value.split("..");
    return `${low ? number(low) : ""}〜${high ? number(high) : ""}`;
  }

  function filterLabel(filter) {
    const label = filter.facet === "affected" ? affectedLabel(filter.value) : filter.label;
    return `${FACET_NAMES[filter.facet] || filter.facet}: ${label}`;
  }

  // The snippet as text nodes with <mark> around the highlights (UTF-16 offsets).
  function snippet(text, highlights) {
    const p = el("p", { class: "snippet" });
    let at = 0;
    for (const [begin, end] of highlights) {
      if (begin < at) continue;
      p.append(document.createTextNode(text.slice(at, begin)), el("mark", { text: text.slice(begin, end) }));
      at = end;
    }
    p.append(document.createTextNode(text.slice(at)));
    return p;
  }

  function card(hit, labels, onOpen) {
    const link = el("a", { href: `?id=${encodeURIComponent(hit.id)}`, text: hit.title || "(題名なし)" });
    link.addEventListener("click", (event) => { event.preventDefault(); onOpen(hit.id); });
    const meta = el("div", { class: "meta" },
      el("span", { text: hit.date || "日付不明" }), el("span", { text: hit.org || "組織名不明" }));
    for (const cause of hit.causes) meta.append(el("span", { class: "tag cause", text: labels.cause[cause] || cause }));
    if (hit.affected != null) meta.append(el("span", { text: `影響 ${number(hit.affected)}件` }));
    if (hit.group_count > 1) meta.append(el("span", { class: "tag", text: `同じ事案 ${hit.group_count}件` }));
    return el("li", { class: "card" }, el("h3", {}, link), meta, snippet(hit.snippet, hit.highlights_utf16));
  }

  function facetList(name, values, onToggle) {
    const items = values.map((v) => {
      const box = el("input", { type: "checkbox", checked: v.selected, "data-facet": name, "data-value": v.value });
      box.addEventListener("change", () => onToggle(`${name}:${v.value}`));
      return el("li", {}, el("label", {}, box, el("span", { text: v.label }),
        el("span", { class: v.count ? "n" : "n zero", text: number(v.count) })));
    });
    return el("section", { class: "facet", "data-facet": name },
      el("h2", { text: FACET_NAMES[name] }), el("ul", {}, ...items));
  }

  function facets(container, response, onToggle) {
    container.replaceChildren();
    for (const name of FACET_ORDER) {
      const values = (response.facets || {})[name] || [];
      if (values.length) container.append(facetList(name, values, onToggle));
    }
  }

  // The axis label under a bar: every year (every other one, or fewer, when there are
  // many); every month when there are few, else the year at each January and the first bar.
  function tick(facet, values, i) {
    if (facet === "month" && values.length <= 6) return values[i].value;
    if (facet === "month") return i === 0 || values[i].value.endsWith("-01") ? values[i].value.slice(0, 4) : "";
    const every = Math.ceil(values.length / 12);
    return i % every === 0 ? values[i].value : "";
  }

  function histogram(container, facet, values, onToggle) {
    container.replaceChildren();
    const max = Math.max(1, ...values.map((v) => v.count));
    for (const [i, v] of values.entries()) {
      const bar = el("button", { type: "button", class: v.selected ? "selected" : "", "data-value": v.value,
        title: `${v.label}: ${number(v.count)}件`, "aria-label": `${v.label} ${number(v.count)}件`,
        "aria-pressed": v.selected ? "true" : "false" });
      bar.style.height = `${Math.max(4, (v.count / max) * 100)}%`;
      const label = tick(facet, values, i);
      if (label) bar.append(el("span", { class: "tick", "aria-hidden": "true", text: label }));
      bar.addEventListener("click", () => onToggle(`${facet}:${v.value}`));
      container.append(bar);
    }
    if (!values.length) container.append(el("span", { class: "axis", text: "日付のある通知がありません" }));
  }

  function chips(list, filters, onRemove) {
    list.replaceChildren(...filters.map((f) => el("li", { class: "chip" }, el("span", { text: filterLabel(f) }),
      el("button", { type: "button", "aria-label": `${filterLabel(f)} を外す`, text: "×",
        onclick: () => onRemove(`${f.facet}:${f.value}`) }))));
  }

  function pager(nav, response, page, pageSize, onPage) {
    nav.replaceChildren();
    const pages = Math.ceil(response.total / pageSize);
    if (pages <= 1) return;
    const button = (text, to, disabled) =>
      el("button", { type: "button", text, disabled, onclick: () => onPage(to) });
    nav.append(button("← 前へ", page - 1, page <= 1), el("span", { text: `${page} / ${pages} ページ` }),
      button("次へ →", page + 1, page >= pages));
  }

  function notice(article, n, similar, labels, onOpen, onBack) {
    const name = (facet, slug) => (labels[facet] || {})[slug] || slug;
    const rows = [
      ["組織", n.org || "不明"], ["公表日", n.date || "不明"], ["事案番号", n.incident || "—"],
      ["原因", n.causes.map((c) => name("cause", c)).join("・") || "—"], ["業種", name("sector", n.sector)],
      ["影響件数", n.affected != null ? `${number(n.affected)}件` : "記載なし"],
      ["漏えいした情報", n.data.map((d) => name("data", d)).join("・") || "—"], ["結果", name("outcome", n.outcome)],
      ["ラベル", n.labels.join("、") || "—"],
    ];
    const dl = el("dl");
    for (const [term, value] of rows) dl.append(el("dt", { text: term }), el("dd", { text: value }));
    const similarList = el("ul");
    for (const hit of similar.results) {
      const link = el("a", { href: `?id=${encodeURIComponent(hit.id)}`, text: `${hit.date || ""} ${hit.org} — ${hit.title}` });
      link.addEventListener("click", (event) => { event.preventDefault(); onOpen(hit.id); });
      similarList.append(el("li", {}, link));
    }
    article.replaceChildren(
      el("button", { type: "button", class: "link-button", id: "back", text: "← 検索結果に戻る", onclick: onBack }),
      el("h2", { text: n.title }), dl, el("pre", { class: "body", text: n.body }),
      el("h3", { text: "似た通知" }), similar.results.length ? similarList : el("p", { text: "見つかりませんでした" }));
  }

  return { el, number, filterLabel, card, facets, histogram, chips, pager, notice };
})();
