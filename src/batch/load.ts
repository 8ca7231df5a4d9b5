// A campaign input is a folder of contract files or a workbook: pick the reader.
import { existsSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { readFolder } from './folder-read.ts';
import type { CampaignInput } from './types.ts';

/** `exclude`: folders not to read as contracts (the campaign's own output folder). */
export async function loadCampaign(input: string, exclude: readonly string[] = []): Promise<CampaignInput> {
  if (!existsSync(input)) {
    return { kind: 'dossier', entries: [], issues: [{ niveau: 'erreur', code: 'CAMPAGNE-INTROUVABLE', message: 'dossier ou classeur introuvable', emplacement: input }] };
  }
  if (statSync(input).isDirectory()) return readFolder(input, exclude);
  // exceljs is loaded only for workbooks: it weighs ~20 MB in the main thread.
  if (extname(input).toLowerCase() === '.xlsx') return (await import('./workbook-read.ts')).readWorkbook(input);
  return {
    kind: 'dossier',
    entries: [],
    issues: [{ niveau: 'erreur', code: 'CAMPAGNE-FORMAT', message: 'un dossier de contrats ou un classeur .xlsx est attendu', emplacement: input }],
  };
}
