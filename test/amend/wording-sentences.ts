// Legal wording lives in templates/, never in src/ (issue 12): a sweep of src/amend for string
// literals that read like French sentences (« est », « les », « l’… » followed by a word, or
// guillemets). The sweep reads the TypeScript syntax tree, so that a user message is recognised by
// where its text goes, whatever the line layout: an argument of an error / warning / diagnostic
// call, a `message`, `hint` or `doc` property or constant (a CLI listing), a `throw`, or a declaration
// documented `@message` (calls to such a function count as message calls). Those texts are
// messages to the user of the CLI, not document text.
import ts from 'typescript';

const PROSE = /(^|[\s(«’])(est|sont|le|la|les|du|des|au|aux|un|une|par|pour|ainsi|présent|l’\p{L}+|d’\p{L}+)\s+\p{L}/iu;
/** Calls whose string arguments are messages to the user, not document text. */
const DIAGNOSTIC_CALL = /^(error|err|warn|warning|fail|diag\w*|\w*Diag|findOne|refuse\w*|usage)$/i;
const DIAGNOSTIC_PROPERTY = /^(message|hints?|attendu|trouve|doc)$/;

const calleeName = (e: ts.Expression): string => (ts.isPropertyAccessExpression(e) ? e.name.text : ts.isIdentifier(e) ? e.text : '');

/** Whether a declaration is documented `@message`: its texts (and its arguments') are messages. */
const tagged = (n: ts.Node): boolean => ts.getJSDocTags(n).some((t) => t.tagName.text === 'message');

/** Names of the functions and constants of a file documented `@message`. */
function diagnosticNames(src: ts.SourceFile): Set<string> {
  const out = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name && tagged(n)) out.add(n.name.text);
    if (ts.isVariableStatement(n) && tagged(n.declarationList.declarations[0]!)) {
      for (const d of n.declarationList.declarations) if (ts.isIdentifier(d.name)) out.add(d.name.text);
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return out;
}

function isDiagnostic(node: ts.Node, names: ReadonlySet<string>): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isThrowStatement(n)) return true;
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && (DIAGNOSTIC_CALL.test(calleeName(n.expression)) || names.has(calleeName(n.expression)))) return true;
    if (ts.isNewExpression(n) && /Error$/.test(calleeName(n.expression))) return true;
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && DIAGNOSTIC_PROPERTY.test(n.name.text)) return true;
    if (ts.isFunctionLike(n) && tagged(n)) return true;
    if (ts.isVariableDeclaration(n) && (tagged(n) || (ts.isIdentifier(n.name) && DIAGNOSTIC_PROPERTY.test(n.name.text)))) return true;
  }
  return false;
}

/** The text of a string literal, interpolations read as a word. */
function literalText(n: ts.Node): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' X ');
  return undefined;
}

/** Lines of a source file holding a string literal that reads like a French sentence and is not a diagnostic. */
export function sentences(text: string, file = 'x.ts'): number[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = diagnosticNames(src);
  const out = new Set<number>();
  const visit = (n: ts.Node): void => {
    const t = literalText(n);
    if (t !== undefined) {
      if (PROSE.test(t) && !isDiagnostic(n, names)) out.add(src.getLineAndCharacterOfPosition(n.getStart(src)).line + 1);
      if (ts.isTemplateExpression(n)) n.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
  return [...out].sort((a, b) => a - b);
}

