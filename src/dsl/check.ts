// Static checker: every reference and type in a template, checked against the data schema
// without any data. Unknown field, wrong type, impossible enum value, unknown filter → a
// French diagnostic with the exact span and, where possible, a "vouliez-vous dire" hint.
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import type { BlockNode, InlineNode } from './ast.ts';
import type { Expr, FilterCall, Path } from './expr/ast.ts';
import { pathText } from './expr/ast.ts';
import { FILTERS, FUNCTIONS } from './builtins.ts';
import { own } from './own.ts';
import { describeTy, T, type Field, type Ty } from './types.ts';
import { suggest } from './suggest.ts';

export type Scope = ReadonlyMap<string, Field>;

export function scopeOf(fields: Readonly<Record<string, Field>>): Map<string, Field> {
  return new Map(Object.entries(fields));
}

export class Checker {
  readonly diags: Diagnostic[] = [];

  private err(code: string, message: string, span: Span, hints?: string[]): void {
    this.diags.push({ severity: 'erreur', code, message, span, ...(hints && hints.length ? { hints } : {}) });
  }

  /** Type of an expression, or undefined when it is in error (already reported). */
  expr(e: Expr, scope: Scope): Ty | undefined {
    switch (e.kind) {
      case 'literal':
        return e.value === null ? T.null : typeof e.value === 'string' ? T.string : typeof e.value === 'number' ? T.number : T.boolean;
      case 'path':
        return this.path(e, scope);
      case 'call':
        return this.call(e, scope);
      case 'unary':
        this.expr(e.operand, scope);
        return T.boolean;
      case 'where': {
        const list = this.expr(e.list, scope);
        if (!list) return undefined;
        if (list.k !== 'array' && list.k !== 'any') {
          this.err('DSL-TYPE', `« où » filtre une liste ; ${exprText(e.list)} est de type ${describeTy(list)}`, e.list.span);
          return undefined;
        }
        const elem = list.k === 'array' ? list.of : T.any;
        this.expr(e.cond, elementScope(elem, scope));
        return list;
      }
      case 'binary':
        return this.binary(e, scope);
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>, scope: Scope): Ty | undefined {
    const l = this.expr(e.left, scope);
    const r = this.expr(e.right, scope);
    if (e.op === 'et' || e.op === 'ou') return T.boolean;
    if (!l || !r) return T.boolean;
    if (e.op === 'dans') {
      if (r.k !== 'array' && r.k !== 'any' && r.k !== 'string') {
        this.err('DSL-TYPE', `« dans » attend une liste à droite ; ${exprText(e.right)} est de type ${describeTy(r)}`, e.right.span);
      } else if (r.k === 'array') this.enumLiteral(r.of, e.left, e.right);
      return T.boolean;
    }
    this.enumLiteral(l, e.right, e.left);
    this.enumLiteral(r, e.left, e.right);
    if (!comparable(l, r)) {
      this.err('DSL-TYPE', `comparaison impossible entre ${describeTy(l)} (${exprText(e.left)}) et ${describeTy(r)} (${exprText(e.right)})`, e.span);
    } else if ((e.op === '<' || e.op === '<=' || e.op === '>' || e.op === '>=') && !ordered(l) && !ordered(r)) {
      this.err('DSL-TYPE', `« ${e.op} » compare des nombres ou des dates, pas ${describeTy(l)}`, e.span);
    }
    return T.boolean;
  }

  /** A string literal compared with an enum must be one of its values. */
  private enumLiteral(ty: Ty, literal: Expr, other: Expr): void {
    if (ty.k !== 'enum' || literal.kind !== 'literal' || typeof literal.value !== 'string') return;
    if (ty.values.includes(literal.value)) return;
    const hint = suggest(literal.value, ty.values);
    this.err(
      'DSL-VALEUR-IMPOSSIBLE',
      `« ${literal.value} » n’est pas une valeur possible de ${exprText(other)} (${ty.values.join(', ')})`,
      literal.span,
      hint ? [`vouliez-vous dire « ${hint} » ?`] : [],
    );
  }

  private path(p: Path, scope: Scope): Ty | undefined {
    const root = scope.get(p.root);
    if (!root) {
      const hint = suggest(p.root, [...scope.keys()]);
      this.err('DSL-CHAMP-INCONNU', `champ inconnu « ${p.root} »`, p.rootSpan, hint ? [`vouliez-vous dire « ${hint} » ?`] : [`champs disponibles : ${[...scope.keys()].sort().join(', ')}`]);
      return undefined;
    }
    let ty = root.ty;
    let shown = p.root;
    for (const seg of p.segments) {
      if (ty.k === 'any') return T.any;
      if (seg.kind === 'index') {
        const it = this.expr(seg.index, scope);
        if (ty.k === 'array') {
          if (it && it.k !== 'number' && it.k !== 'any') this.err('DSL-TYPE', `indice numérique attendu pour la liste ${shown}`, seg.span);
          ty = ty.of;
        } else if (ty.k === 'object') {
          if (seg.index.kind === 'literal' && typeof seg.index.value === 'string') {
            const f = own(ty.fields, seg.index.value);
            if (!f) {
              this.unknownField(seg.index.value, shown, ty, seg.span);
              return undefined;
            }
            ty = f.ty;
          } else return T.any;
        } else {
          this.err('DSL-TYPE', `${shown} est de type ${describeTy(ty)} : on ne peut pas l’indicer`, seg.span);
          return undefined;
        }
        shown += '[…]';
        continue;
      }
      if (ty.k === 'array') {
        this.err('DSL-TYPE', `${shown} est une liste : parcourez-la avec {% pour … dans ${shown} %} ou choisissez un élément (${shown}[0])`, seg.span);
        return undefined;
      }
      if (ty.k !== 'object') {
        this.err('DSL-TYPE', `${shown} est de type ${describeTy(ty)} : il n’a pas de champ « ${seg.name} »`, seg.span);
        return undefined;
      }
      const f = own(ty.fields, seg.name);
      if (!f) {
        this.unknownField(seg.name, shown, ty, seg.span);
        return undefined;
      }
      ty = f.ty;
      shown += `.${seg.name}`;
    }
    return ty;
  }

  private unknownField(name: string, owner: string, ty: Extract<Ty, { k: 'object' }>, span: Span): void {
    const names = Object.keys(ty.fields);
    const hint = suggest(name, names);
    this.err('DSL-CHAMP-INCONNU', `champ inconnu « ${name} » dans ${owner}`, span, hint ? [`vouliez-vous dire « ${hint} » ?`] : [`champs de ${owner} : ${names.join(', ')}`]);
  }

  private call(c: Extract<Expr, { kind: 'call' }>, scope: Scope): Ty | undefined {
    const fn = own(FUNCTIONS, c.name);
    if (!fn) {
      const hint = suggest(c.name, Object.keys(FUNCTIONS));
      this.err('DSL-FONCTION-INCONNUE', `fonction inconnue « ${c.name} »`, c.span, hint ? [`vouliez-vous dire « ${hint}(…) » ?`] : [`fonctions : ${Object.keys(FUNCTIONS).join(', ')}`]);
      for (const a of c.args) this.expr(a, scope);
      return undefined;
    }
    if (c.args.length < fn.params.length - (fn.optional ?? 0) || c.args.length > fn.params.length) {
      this.err('DSL-ARITE', `${c.name}(…) attend ${fn.params.length} argument(s), reçu ${c.args.length}`, c.span);
    }
    const types = c.args.map((a, k) => {
      const ty = this.expr(a, scope);
      const want = fn.params[k];
      if (ty && want && !accepts(want, ty)) {
        this.err('DSL-TYPE', `${c.name}(…) attend ${want} en argument ${k + 1}, reçu ${describeTy(ty)} (${exprText(a)})`, a.span);
      }
      return ty;
    });
    if (fn.fieldOfList) this.elementField(c, types[0]);
    return fn.returns;
  }

  /** somme(liste, "champ"): the named field must be a field of the list's elements. */
  private elementField(c: Extract<Expr, { kind: 'call' }>, list: Ty | undefined): void {
    const [listArg, field] = c.args;
    if (!listArg || !field || list?.k !== 'array' || list.of.k !== 'object' || field.kind !== 'literal' || typeof field.value !== 'string') return;
    if (own(list.of.fields, field.value)) return;
    this.unknownField(field.value, `les éléments de ${exprText(listArg)}`, list.of, field.span);
  }

  filters(input: Ty | undefined, filters: readonly FilterCall[], scope: Scope, whole: Span): void {
    let ty = input;
    for (const f of filters) {
      const def = own(FILTERS, f.name);
      for (const a of f.args) this.expr(a, scope);
      if (!def) {
        const hint = suggest(f.name, Object.keys(FILTERS));
        this.err('DSL-FILTRE-INCONNU', `filtre inconnu « ${f.name} »`, f.span, hint ? [`vouliez-vous dire « ${hint} » ?`] : [`filtres : ${Object.keys(FILTERS).join(', ')}`]);
        return;
      }
      if (f.args.length !== def.arity) this.err('DSL-ARITE', `le filtre ${f.name} attend ${def.arity} argument(s), reçu ${f.args.length}`, f.span);
      if (ty && def.input && !accepts(def.input, ty)) {
        this.err('DSL-TYPE', `le filtre ${f.name} s’applique à ${def.input}, pas à ${describeTy(ty)}`, f.span);
      }
      ty = def.output ?? ty;
    }
    if (ty && (ty.k === 'object' || (ty.k === 'array' && !filters.some((f) => f.name === 'liste')))) {
      this.err('DSL-TYPE', `valeur composée (${describeTy(ty)}) : choisissez un champ${ty.k === 'array' ? ', le filtre « liste » ou une boucle' : ''}`, whole);
    }
  }

  inlines(nodes: readonly InlineNode[], scope: Scope, anchors?: ReadonlySet<string>): void {
    for (const n of nodes) {
      switch (n.kind) {
        case 'text':
        case 'break':
          break;
        case 'value':
          this.filters(this.expr(n.expr, scope), n.filters, scope, n.span);
          break;
        case 'ref':
          if (anchors && !anchors.has(n.target)) {
            const hint = suggest(n.target, [...anchors]);
            this.err('DSL-ANCRE-INCONNUE', `renvoi vers une ancre inconnue « ${n.target} »`, n.span, hint ? [`vouliez-vous dire « ${hint} » ?`] : []);
          }
          break;
        case 'inlineIf':
          for (const b of n.branches) {
            this.expr(b.cond, scope);
            this.inlines(b.body, scope, anchors);
          }
          if (n.otherwise) this.inlines(n.otherwise, scope, anchors);
          break;
      }
    }
  }

  blocks(nodes: readonly BlockNode[], scope: Scope, anchors: ReadonlySet<string>): void {
    for (const n of nodes) {
      switch (n.kind) {
        case 'heading':
        case 'paragraph':
        case 'listItem':
          this.inlines(n.content, scope, anchors);
          break;
        case 'row':
          for (const c of n.cells) this.inlines(c.content, scope, anchors);
          break;
        case 'table':
          this.blocks(n.header, scope, anchors);
          this.blocks(n.body, scope, anchors);
          break;
        case 'div':
          this.blocks(n.body, scope, anchors);
          break;
        case 'pageBreak':
          break;
        case 'if':
          for (const b of n.branches) {
            this.expr(b.cond, scope);
            this.blocks(b.body, scope, anchors);
          }
          if (n.otherwise) this.blocks(n.otherwise, scope, anchors);
          break;
        case 'for': {
          const it = this.expr(n.iterable, scope);
          let elem: Ty = T.any;
          if (it && it.k === 'array') elem = it.of;
          else if (it && it.k !== 'any') this.err('DSL-TYPE', `« pour » parcourt une liste ; ${exprText(n.iterable)} est de type ${describeTy(it)}`, n.iterable.span);
          const inner = new Map(scope);
          inner.set(n.variable, { ty: elem, optional: false });
          inner.set('rang', { ty: T.number, optional: false });
          this.blocks(n.body, inner, anchors);
          if (n.empty) this.blocks(n.empty, scope, anchors);
          break;
        }
        case 'signatures':
          this.blocks(n.leadIn, scope, anchors);
          for (const p of n.parties) {
            let inner = scope;
            if (p.repeat) {
              const it = this.expr(p.repeat.iterable, scope);
              let elem: Ty = T.any;
              if (it && it.k === 'array') elem = it.of;
              else if (it && it.k !== 'any') this.err('DSL-TYPE', `« partie … pour » parcourt une liste ; ${exprText(p.repeat.iterable)} est de type ${describeTy(it)}`, p.repeat.iterable.span);
              const bound = new Map(scope);
              bound.set(p.repeat.variable, { ty: elem, optional: false });
              bound.set('rang', { ty: T.number, optional: false });
              inner = bound;
            }
            for (const l of p.lines) this.inlines(l, inner, anchors);
            for (const m of p.mentions) this.inlines(m, inner, anchors);
            if (p.signatory) this.inlines(p.signatory, inner, anchors);
          }
          break;
      }
    }
  }
}

/** Scope inside `liste où condition`: the element's fields first, then the outer scope. */
export function elementScope(elem: Ty, outer: Scope): Scope {
  const inner = new Map(outer);
  if (elem.k === 'object') for (const [k, f] of Object.entries(elem.fields)) inner.set(k, f);
  return inner;
}

/** Anchors declared by headings of a template (for {% ref %} checks). */
export function collectAnchors(nodes: readonly BlockNode[], out = new Set<string>()): Set<string> {
  for (const n of nodes) {
    if (n.kind === 'heading' && n.anchor) out.add(n.anchor);
    if (n.kind === 'div') collectAnchors(n.body, out);
    if (n.kind === 'if') {
      for (const b of n.branches) collectAnchors(b.body, out);
      if (n.otherwise) collectAnchors(n.otherwise, out);
    }
    if (n.kind === 'for') collectAnchors(n.body, out);
  }
  return out;
}

function exprText(e: Expr): string {
  switch (e.kind) {
    case 'path':
      return pathText(e);
    case 'literal':
      return JSON.stringify(e.value);
    case 'call':
      return `${e.name}(…)`;
    default:
      return 'l’expression';
  }
}

function ordered(t: Ty): boolean {
  return t.k === 'number' || t.k === 'date' || t.k === 'value' || t.k === 'any';
}

function family(t: Ty): string {
  switch (t.k) {
    case 'string':
    case 'date':
    case 'enum':
      return 'text';
    case 'number':
      return 'number';
    default:
      return t.k;
  }
}

function comparable(a: Ty, b: Ty): boolean {
  if (a.k === 'any' || b.k === 'any' || a.k === 'null' || b.k === 'null' || a.k === 'value' || b.k === 'value') return true;
  return family(a) === family(b);
}

/** Does a parameter description accept a type? Descriptions are the French words used in messages. */
function accepts(want: string, ty: Ty): boolean {
  if (ty.k === 'any' || ty.k === 'null') return true;
  switch (want) {
    case 'une liste':
      return ty.k === 'array';
    case 'un nombre':
      return ty.k === 'number' || ty.k === 'value';
    case 'un texte':
      return ty.k === 'string' || ty.k === 'enum' || ty.k === 'date' || ty.k === 'value';
    case 'une date':
      return ty.k === 'date' || ty.k === 'string';
    case 'une valeur':
      return ty.k !== 'array' && ty.k !== 'object';
    case 'un texte ou une liste':
      return ty.k === 'array' || ty.k === 'string' || ty.k === 'enum' || ty.k === 'value';
    case 'une liste de textes':
      return ty.k === 'array';
    case 'une liste de textes ou de nombres':
      return ty.k === 'array' && ty.of.k !== 'object' && ty.of.k !== 'array';
    default:
      return true;
  }
}
