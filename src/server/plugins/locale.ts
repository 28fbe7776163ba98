import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LOCALES, type Locale } from '../../shared/enums.js';

declare module 'fastify' {
  interface FastifyRequest {
    locale?: Locale;
  }
}

/** The user's language: their profile once signed in, else `Accept-Language`, else bokmål. */
export function requestLocale(request: FastifyRequest): Locale {
  if (request.locale) return request.locale;
  const header = String(request.headers['accept-language'] ?? '').toLowerCase();
  for (const part of header.split(',')) {
    const tag = part.split(';')[0].trim();
    if (tag.startsWith('da')) return 'da';
    if (tag.startsWith('en')) return 'en';
    if (tag.startsWith('nb') || tag.startsWith('no') || tag.startsWith('nn')) return 'nb';
  }
  return 'nb';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export const localePlugin = fp(async (_app: FastifyInstance) => {}, { name: 'locale' });
