import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../../src/shared/enums.js';
import nb from './nb.json' with { type: 'json' };
import da from './da.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { ENUM_LABELS } from '../../../src/shared/i18n/enum-labels.js';

type Messages = Record<string, unknown>;

/**
 * Each capability may keep its own strings in `modules/<name>/i18n/<locale>.json`; they are merged
 * over the shared files here, so capabilities built side by side never edit the same catalogue.
 */
const moduleCatalogues = import.meta.glob<Messages>('../modules/*/i18n/*.json', { eager: true, import: 'default' });

function deepMerge(base: Messages, extra: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const prev = out[key];
    out[key] = prev && typeof prev === 'object' && value && typeof value === 'object' ? deepMerge(prev as Messages, value as Messages) : value;
  }
  return out;
}

function catalogue(locale: Locale, shared: Messages): Messages {
  let merged = shared;
  for (const [file, messages] of Object.entries(moduleCatalogues)) {
    if (file.endsWith(`/${locale}.json`)) merged = deepMerge(merged, messages);
  }
  return deepMerge(merged, { enums: ENUM_LABELS[locale] });
}

const STORAGE_KEY = 'brobygger.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  if (leavesNoTrace()) return 'nb';
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    /* storage may be disabled */
  }
  return 'nb';
}

/** The public "find help" page leaves nothing in the browser, not even the language chosen. */
const leavesNoTrace = () => window.location.pathname.startsWith('/hjelp');

/** Keeps <html lang> and the stored choice in step with the language. */
function onLanguage(lng: string): void {
  document.documentElement.lang = lng;
  if (leavesNoTrace()) return;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* ignore */
  }
}

i18n.on('languageChanged', onLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    nb: { translation: catalogue('nb', nb) },
    da: { translation: catalogue('da', da) },
    en: { translation: catalogue('en', en) },
  },
  lng: initialLocale(),
  fallbackLng: 'nb',
  supportedLngs: [...LOCALES],
  interpolation: { escapeValue: false },
  returnNull: false,
});

onLanguage(i18n.language);

/** The current language as one of our locales. */
export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'nb';
}

export default i18n;
