// Search by name and alias: exact matches first, then names that begin with the text, then
// names that contain it; ties in the page's order.
import { searchKey } from "./data.js";

export function searchEntities(index, text, limit = Infinity) {
  const q = searchKey(text);
  if (!q) return [];
  const ranked = [];
  for (const e of index.entities) {
    let rank = 3;
    for (const k of e.keys) {
      if (k === q) rank = Math.min(rank, 0);
      else if (k.startsWith(q)) rank = Math.min(rank, 1);
      else if (k.includes(q)) rank = Math.min(rank, 2);
    }
    if (rank < 3) ranked.push([rank, ranked.length, e]);
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return ranked.slice(0, limit).map((r) => r[2]);
}
