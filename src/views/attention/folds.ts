/**
 * What the user folded in the sidebar, remembered across sessions in the plugin's data (key `attentionView`,
 * beside the settings; mergeSettings ignores it): the folded sections and whether the capacity line is open.
 */
import { ATTENTION_ORDER, type AttentionKind } from '../../core/types';

export const FOLDS_KEY = 'attentionView';

export interface FoldStore {
  loadData(): Promise<unknown>;
  saveData(data: unknown): Promise<void>;
}

export class Folds {
  readonly collapsed = new Set<AttentionKind>();
  capacityOpen = false;
  private loading: Promise<void> | null = null;

  constructor(private readonly store: FoldStore) {}

  /** Reads the stored folds once; anything unexpected in them is ignored. */
  load(): Promise<void> {
    this.loading ??= this.store.loadData().then((data) => {
      const stored = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[FOLDS_KEY] : undefined;
      if (typeof stored !== 'object' || stored === null) return;
      const { collapsed, capacityOpen } = stored as Record<string, unknown>;
      if (Array.isArray(collapsed))
        for (const kind of collapsed) if ((ATTENTION_ORDER as readonly unknown[]).includes(kind)) this.collapsed.add(kind as AttentionKind);
      this.capacityOpen = capacityOpen === true;
    }, () => undefined);
    return this.loading;
  }

  toggleSection(kind: AttentionKind): void {
    if (!this.collapsed.delete(kind)) this.collapsed.add(kind);
    this.save();
  }

  /** Unfolds a section (a chip jumps to it); true when it was folded. */
  expand(kind: AttentionKind): boolean {
    if (!this.collapsed.delete(kind)) return false;
    this.save();
    return true;
  }

  setCapacityOpen(open: boolean): void {
    this.capacityOpen = open;
    this.save();
  }

  private save(): void {
    const collapsed = ATTENTION_ORDER.filter((k) => this.collapsed.has(k));
    this.store.saveData({ [FOLDS_KEY]: { collapsed, capacityOpen: this.capacityOpen } })
      .catch((error: unknown) => console.error('Ties: could not save the sidebar’s folds', error));
  }
}
