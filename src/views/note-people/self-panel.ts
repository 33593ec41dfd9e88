/**
 * Below a person's own card: whom they know (their `knows` list) and who can introduce you when you are not
 * in touch (the core's intro paths, best first).
 */
import type { CardHost } from './person-card';
import type { SelfModel } from './model';

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

/**
 * Draws whom they know, and the intro section: "in touch", or a placeholder that `fillIntro` replaces with
 * the paths (the view calls it a moment later, so the card is on screen while the network is built).
 */
export function renderSelf(parent: HTMLElement, self: SelfModel, host: CardHost): HTMLElement {
  const { t } = host;
  const box = parent.createDiv({ cls: 'ties-np-self' });

  const knows = box.createDiv({ cls: 'ties-np-knows' });
  knows.createDiv({ cls: 'ties-np-section-title', text: t('notePeople.knows') });
  if (self.knows.length === 0) knows.createDiv({ cls: 'ties-np-quiet', text: t('notePeople.knowsNobody') });
  else {
    const list = knows.createEl('ul', { cls: 'ties-np-names' });
    for (const k of self.knows) {
      const item = list.createEl('li');
      if (k.path === null) item.createSpan({ cls: 'ties-np-quiet', text: k.name });
      else host.linkTo(item.createEl('a', { cls: 'internal-link', text: k.name, attr: { href: k.path, 'data-href': k.path } }), k.path);
    }
  }

  const intro = box.createDiv({ cls: 'ties-np-intro' });
  intro.createDiv({ cls: 'ties-np-section-title', text: t('notePeople.intro') });
  intro.createDiv({ cls: 'ties-np-quiet ties-np-intro-status', text: self.inTouch ? t('notePeople.inTouch') : t('notePeople.introLooking') });
  return intro;
}

/** Puts who can introduce you into the intro section `renderSelf` made. */
export function fillIntro(intro: HTMLElement, self: SelfModel, host: CardHost): void {
  const { t } = host;
  if (self.inTouch) return;
  const result = self.intro();
  intro.querySelector('.ties-np-intro-status')?.remove();
  if (result.inTouch || result.paths.length === 0) {
    intro.createDiv({ cls: 'ties-np-quiet', text: result.inTouch ? t('notePeople.inTouch') : t('notePeople.introNone') });
    return;
  }
  const list = intro.createEl('ol', { cls: 'ties-np-paths' });
  for (const path of result.paths) {
    const item = list.createEl('li');
    const start = path[0]!;
    host.linkTo(item.createEl('a', { cls: 'internal-link', text: basename(start), attr: { href: start, 'data-href': start } }), start);
    const between = path.slice(1, -1).map(basename);
    if (between.length > 0) item.createSpan({ cls: 'ties-np-via', text: ` ${t('notePeople.via', { names: between.join(' → ') })}` });
  }
}
