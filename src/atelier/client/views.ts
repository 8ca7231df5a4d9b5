/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The applicability matrix (which documents each example contract gets) and the provenance of
// every document and article, reconstituted text highlighted for the legal staff.

interface Matrix {
  documents: { id: string; nom: string }[];
  lignes: { contrat: string; documents?: string[]; erreur?: string }[];
  provenance: { id: string; nom: string; fichier: string; provenance: string; detail?: string; validation?: string; applicable?: string; articles: string[] }[];
}

const el = (tag: string, text?: string, cls?: string): HTMLElement => {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
};

export function drawMatrix(m: Matrix, matrix: HTMLElement, prov: HTMLElement): void {
  const table = el('table', undefined, 'matrice');
  const head = el('tr');
  head.append(el('th', 'Contrat'), ...m.documents.map((d) => Object.assign(el('th', d.id), { title: d.nom })));
  table.append(head);
  for (const l of m.lignes) {
    const tr = el('tr');
    tr.append(el('th', l.contrat));
    if (l.erreur) {
      const td = el('td', l.erreur, 'erreur');
      (td as HTMLTableCellElement).colSpan = m.documents.length;
      tr.append(td);
    } else for (const d of m.documents) tr.append(el('td', l.documents!.includes(d.id) ? '●' : '', l.documents!.includes(d.id) ? 'oui' : 'non'));
    table.append(tr);
  }
  matrix.replaceChildren(table);
  prov.replaceChildren(
    ...m.provenance.map((d) => {
      const sec = el('section', undefined, d.provenance);
      sec.append(el('h3', `${d.id} — ${d.nom}`), el('p', `${d.provenance === 'verbatim' ? 'Verbatim' : 'Reconstitué'} · ${d.fichier}${d.applicable ? ` · si ${d.applicable}` : ''}`));
      if (d.detail) sec.append(el('p', `Source : ${d.detail}`));
      if (d.validation) sec.append(el('p', `Validation juridique : ${d.validation}`, 'validation'));
      const ul = el('ul');
      ul.append(...d.articles.map((a) => el('li', a)));
      sec.append(ul);
      return sec;
    }),
  );
}
