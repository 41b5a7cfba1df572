/** The portal's name and its absolute address (PUBLIC_URL, else derived from the request). */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

export const SITE_NAME = 'Học tập và làm theo';
export const SITE_TAGLINE = 'Tin tức về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh';
export const PAGE_SIZE = 10;

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** "https://tin.example.vn" without a trailing slash. */
export function siteBase(req: FastifyRequest, config: Pick<Config, 'publicUrl'>): string {
  if (config.publicUrl) return config.publicUrl;
  const host = HOST.test(req.host ?? '') ? req.host : 'localhost';
  return `${req.protocol === 'https' ? 'https' : 'http'}://${host}`;
}

export function absolute(base: string, path: string): string {
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
