/**
 * The first step of Import people…: which file. A file on the device (a file input, which phones and tablets
 * support as well) or a `.csv` / `.vcf` file in the vault (a fuzzy search over them). Says where each export
 * comes from. The modal stays open while the file is read, and shows why a file cannot be imported, so that
 * another can be picked.
 */
import { FuzzySuggestModal, Modal, type App, type TFile } from 'obsidian';
import type { Translate } from '../../i18n/i18n';

/**
 * Reads the picked file; resolves to an error to show, or null when the plan has opened (or is no longer
 * wanted: `wanted` turns false when the picker is closed while the file is read).
 */
export type OpenFile = (name: string, read: () => Promise<ArrayBuffer>, wanted: () => boolean) => Promise<string | null>;

const IMPORTABLE = new Set(['csv', 'vcf', 'vcard']);

export class ImportSourceModal extends Modal {
  /** Settles when the file picked last has been read (tests wait on it). */
  reading: Promise<void> | null = null;
  private statusEl: HTMLElement | null = null;
  private buttons: HTMLButtonElement[] = [];
  private closed = false;

  constructor(
    app: App,
    private readonly t: Translate,
    private readonly onFile: OpenFile,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.closed = false;
    const t = this.t;
    const el = this.contentEl;
    el.empty();
    el.addClass('ties-import-source');
    this.titleEl.setText(t('import.source.title'));
    el.createEl('p', { cls: 'ties-import-intro', text: t('import.source.intro') });
    const where = el.createEl('ul', { cls: 'ties-import-where' });
    for (const key of ['import.source.linkedin', 'import.source.google', 'import.source.vcard'] as const) where.createEl('li', { text: t(key) });

    const input = el.createEl('input', {
      cls: 'ties-import-file-input',
      attr: { type: 'file', accept: '.csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard', tabindex: '-1', 'aria-hidden': 'true' },
    });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (file) this.read(file.name, () => file.arrayBuffer());
      input.value = '';
    });

    this.statusEl = el.createDiv({ cls: 'ties-import-status', attr: { role: 'status', 'aria-live': 'polite' } });
    const row = el.createDiv({ cls: 'modal-button-container ties-import-source-buttons' });
    const vault = row.createEl('button', { cls: 'ties-import-from-vault', text: t('import.source.vault'), attr: { type: 'button', 'aria-label': t('import.source.vaultLabel') } });
    vault.addEventListener('click', () => this.pickFromVault());
    const device = row.createEl('button', { cls: 'mod-cta ties-import-from-device', text: t('import.source.device'), attr: { type: 'button', 'aria-label': t('import.source.deviceLabel') } });
    device.addEventListener('click', () => input.click());
    this.buttons = [vault, device];
    device.focus();
  }

  override onClose(): void {
    this.closed = true;
    this.contentEl.empty();
  }

  /** The vault's files an import can read. */
  importableFiles(): TFile[] {
    return this.app.vault.getFiles().filter((f) => IMPORTABLE.has(f.extension.toLowerCase()));
  }

  pickFromVault(): void {
    const files = this.importableFiles();
    if (files.length === 0) {
      this.status(this.t('import.source.noVaultFiles'), true);
      return;
    }
    new VaultFileSuggest(this.app, this.t, files, (file) => this.read(file.name, () => this.app.vault.readBinary(file))).open();
  }

  /** Reads a picked file; closes when its plan has opened, else says why it cannot be imported. */
  read(name: string, read: () => Promise<ArrayBuffer>): void {
    this.status(this.t('import.source.reading', { file: name }), false);
    for (const b of this.buttons) b.disabled = true;
    this.reading = this.onFile(name, read, () => !this.closed).then(
      (error) => this.after(error),
      (error: unknown) => this.after(error instanceof Error ? error.message : String(error)),
    );
  }

  private after(error: string | null): void {
    if (this.closed) return;
    for (const b of this.buttons) b.disabled = false;
    if (error === null) this.close();
    else this.status(error, true);
  }

  private status(text: string, problem: boolean): void {
    this.statusEl?.setText(text);
    this.statusEl?.toggleClass('mod-warning', problem);
  }
}

/** A fuzzy search over the vault's `.csv` and `.vcf` files, newest first before a query is typed. */
export class VaultFileSuggest extends FuzzySuggestModal<TFile> {
  constructor(
    app: App,
    t: Translate,
    private readonly files: TFile[],
    private readonly onPick: (file: TFile) => void,
  ) {
    super(app);
    this.setPlaceholder(t('import.suggest.placeholder'));
  }

  getItems(): TFile[] {
    return [...this.files].sort((a, b) => b.stat.mtime - a.stat.mtime);
  }

  getItemText(file: TFile): string {
    return file.path;
  }

  onChooseItem(file: TFile): void {
    this.onPick(file);
  }
}
