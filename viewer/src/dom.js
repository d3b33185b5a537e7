// Builds elements from text. Every string from the graph goes in through textContent or an
// attribute value, never as markup, so no name can add elements or scripts to the page.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "text") node.textContent = String(value);
    else if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Text in the direction of its own first strong character (Arabic, Hebrew: right to left). */
export function autoText(tag, text, props = {}) {
  return el(tag, { dir: "auto", ...props, text });
}

/** Only web and mail links are followed; anything else (javascript:, data:) stays text. */
export function safeUrl(url) {
  return typeof url === "string" && /^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : null;
}
