/** The plan modal's model (ticks, sections) and the fields put into a template's frontmatter, without Obsidian. */
import { describe, expect, it } from 'vitest';
import { planModel, refuseFill, sectionState, selectedRows, setAll, setSelected } from '../../src/actions/import/plan-model';
import { putImportedFields } from '../../src/actions/import/template-fields';
import type { ImportPlan } from '../../src/core/import/types';

function plan(): ImportPlan {
  return {
    format: 'linkedin', rows: 4,
    create: [
      { path: 'People/A.md', name: 'A', fields: { role: 'CTO' }, aliases: [], rows: [2], why: [], reasons: [] },
      { path: 'People/B.md', name: 'B', fields: {}, aliases: [], rows: [3], why: [], reasons: [] },
    ],
    update: [{ path: 'People/C.md', fields: { email: 'c@x.nl' }, rows: [4], matchedBy: 'name' }],
    conflicts: [{ path: 'People/C.md', field: 'role', note: 'CFO', file: 'CEO', rows: [4] }],
    skipped: [], unchanged: [], warnings: [],
  };
}

describe('the plan modal’s model', () => {
  it('ticks every new note and fill; a refused fill loses its tick and cannot get it back', () => {
    const model = planModel(plan());
    expect(selectedRows(model).map((r) => r.key)).toEqual(['create:People/A.md', 'create:People/B.md', 'fill:People/C.md']);
    refuseFill(model, 'People/C.md', [{ code: 'fill-holds-value', params: { key: 'email' } }]);
    const c = model.byKey.get('fill:People/C.md')!;
    setSelected(model, c, true);
    expect(model.selected.has(c.key)).toBe(false);
    expect(sectionState(model, 'fill')).toEqual({ selectable: 0, selected: 0 });
  });

  it('All clears and ticks a section; the counts follow', () => {
    const model = planModel(plan());
    setAll(model, 'create', false);
    expect(sectionState(model, 'create')).toEqual({ selectable: 2, selected: 0 });
    setSelected(model, model.create[1]!, true);
    expect(selectedRows(model).map((r) => r.name)).toEqual(['B', 'C']);
    setAll(model, 'create', true);
    expect(sectionState(model, 'create')).toEqual({ selectable: 2, selected: 2 });
  });
});

describe('putImportedFields', () => {
  it('keeps the template’s spelling of a key, joins lists, lets the file’s text win, and marks a person', () => {
    const fm: Record<string, unknown> = { tags: ['person'], Company: '', created: '2026-11-24', aliases: 'Zoe' };
    putImportedFields(fm, { organisation: 'Acme', tags: ['Person', 'Book-club'], aliases: ['Zoë'], met: '2026-02-08' }, true);
    expect(fm).toEqual({ tags: ['person', 'Book-club'], Company: 'Acme', created: '2026-11-24', aliases: ['Zoe', 'Zoë'], met: '2026-02-08' });
  });

  it('adds type: person only in a vault without a people folder, when the template does not say so', () => {
    const bare: Record<string, unknown> = {};
    putImportedFields(bare, { role: 'CTO' }, true);
    expect(bare).toEqual({ role: 'CTO', type: 'person' });
    const folder: Record<string, unknown> = {};
    putImportedFields(folder, { role: 'CTO' }, false);
    expect(folder).toEqual({ role: 'CTO' });
    const tagged: Record<string, unknown> = { tags: '#people/work' };
    putImportedFields(tagged, {}, true);
    expect(tagged).toEqual({ tags: '#people/work' });
  });
});
