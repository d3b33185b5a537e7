// What the filters let through: entity types, kinds (legend rows) and relation types, and a
// range of years. Elements without a date are never hidden by the range.

export class Filters {
  constructor(index) {
    this.index = index;
    this.hiddenTypes = new Set();
    this.hiddenKinds = new Set(); // indices into legend.kinds
    this.hiddenRelationTypes = new Set();
    this.range = index.years ? [...index.years] : null;
  }

  inRange(span) {
    if (!span || !this.range) return true;
    const [first, last] = span;
    return (last === null || last >= this.range[0]) && (first === null || first <= this.range[1]);
  }

  entityVisible(e) {
    return !this.hiddenTypes.has(e.type) && !this.hiddenKinds.has(e.style) && this.inRange(e.span);
  }

  relationVisible(rel, fromVisible, toVisible) {
    return fromVisible && toVisible && !this.hiddenRelationTypes.has(rel.record.type) &&
      this.inRange(rel.span);
  }

  /** Ids of the entities that pass, in the page's order. */
  visibleEntityIds() {
    return this.index.entities.filter((e) => this.entityVisible(e)).map((e) => e.record.id);
  }
}
