/** Interned names: each distinct string stored once, referred to by its index. */
export class NameTable {
  private readonly ids = new Map<string, number>();

  /** `names[0]` is the root's name, not interned (a frame may have the same text). */
  constructor(readonly names: string[] = []) {}

  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}
