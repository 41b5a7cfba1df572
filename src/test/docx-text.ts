/**
 * Reads a generated DOCX the way a person would see it: LibreOffice converts it to PDF
 * (so layout, tables and page headers are really rendered) and pdftotext returns the text.
 * Tests skip with a printed reason only when LibreOffice is missing; CI installs it.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const SOFFICE_CANDIDATES = ['soffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

let found: Promise<{ soffice: string | null; reason: string | null }> | null = null;

async function locate(): Promise<{ soffice: string | null; reason: string | null }> {
  for (const candidate of SOFFICE_CANDIDATES) {
    try {
      await run(candidate, ['--version'], { timeout: 60_000 });
      try {
        await run('pdftotext', ['-v'], { timeout: 10_000 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { soffice: null, reason: 'pdftotext (poppler-utils) is not installed' };
      }
      return { soffice: candidate, reason: null };
    } catch {
      // try the next place
    }
  }
  return { soffice: null, reason: 'LibreOffice (soffice) is not installed; install libreoffice-writer-nogui and poppler-utils' };
}

/**
 * null when DOCX can be converted here, otherwise why not. Prints the reason once.
 * CI sets REQUIRE_LIBREOFFICE=1: there a missing LibreOffice fails the run instead of skipping.
 */
export async function docxConversionUnavailable(): Promise<string | null> {
  found ??= locate().then((result) => {
    if (result.reason && process.env.REQUIRE_LIBREOFFICE === '1') throw new Error(`REQUIRE_LIBREOFFICE=1 but ${result.reason}`);
    if (result.reason) console.warn(`[lamtheo tests] skipping DOCX rendering checks: ${result.reason}`);
    return result;
  });
  return (await found).reason;
}

// Each test process gets its own LibreOffice profile: two soffice processes sharing one
// profile refuse to start, and several engineers' test runs share this machine.
const profileDir = path.join(os.tmpdir(), `lamtheo-lo-profile-${process.pid}`);
let cleanupInstalled = false;

function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.once('exit', () => fs.rmSync(profileDir, { recursive: true, force: true }));
}

/** Convert DOCX bytes to PDF bytes with LibreOffice. */
export async function docxToPdf(docx: Buffer): Promise<Buffer> {
  const { soffice, reason } = await (found ??= locate());
  if (!soffice) throw new Error(reason ?? 'soffice not found');
  installCleanup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-docx-'));
  try {
    const input = path.join(dir, 'input.docx');
    fs.writeFileSync(input, docx);
    await run(soffice, [
      `-env:UserInstallation=file://${profileDir}`, '--headless', '--norestore', '--nologo', '--nodefault',
      '--convert-to', 'pdf', '--outdir', dir, input,
    ], { timeout: 180_000 });
    const output = path.join(dir, 'input.pdf');
    if (!fs.existsSync(output)) throw new Error('LibreOffice produced no PDF (the DOCX may be malformed)');
    return fs.readFileSync(output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface PlacedWord {
  text: string;
  page: number;
  /** Box in millimetres from the top-left corner of the page. */
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface RenderedDocx {
  /** The text, page by page in reading order, with the layout's columns kept apart by spaces. */
  text: string;
  pages: number;
  /** Page size in millimetres (of the first page), rounded. */
  pageSizeMm: { width: number; height: number };
  /** Every word with where it landed on its page, for margin and alignment checks. */
  words: PlacedWord[];
}

const PT_TO_MM = 25.4 / 72;

function parseBbox(html: string): PlacedWord[] {
  const words: PlacedWord[] = [];
  const pages = html.split(/<page\b/).slice(1);
  pages.forEach((page, index) => {
    for (const m of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      words.push({
        text: m[5].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"'),
        page: index + 1,
        left: Number(m[1]) * PT_TO_MM, top: Number(m[2]) * PT_TO_MM, right: Number(m[3]) * PT_TO_MM, bottom: Number(m[4]) * PT_TO_MM,
      });
    }
  });
  return words;
}

/** Render DOCX with LibreOffice and read back its text, page count and page size. */
export async function renderDocx(docx: Buffer): Promise<RenderedDocx> {
  const pdf = await docxToPdf(docx);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lamtheo-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    const { stdout: text } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const { stdout: bbox } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const { stdout: info } = await run('pdfinfo', [file]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info);
    const toMm = (pt: string) => Math.round(Number(pt) * PT_TO_MM);
    return {
      text, pages, words: parseBbox(bbox),
      pageSizeMm: { width: size ? toMm(size[1]) : 0, height: size ? toMm(size[2]) : 0 },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Just the text of a DOCX as LibreOffice renders it. */
export async function docxToText(docx: Buffer): Promise<string> {
  return (await renderDocx(docx)).text;
}

/** Collapse runs of spaces so assertions do not depend on column layout. */
export function squashSpaces(text: string): string {
  return text.replace(/[ \t\u00a0]+/g, ' ');
}
