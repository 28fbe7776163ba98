import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../../../src/shared/enums.js';
import nb from './nb.json' with { type: 'json' };
import da from './da.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { ENUM_LABELS } from '../../../src/shared/i18n/enum-labels.js';

const STORAGE_KEY = 'brobygger.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

function initialLocale(): Locale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    /* storage may be disabled */
  }
  return 'nb';
}

/** Keeps <html lang> and the stored choice in step with the language. */
function onLanguage(lng: string): void {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* ignore */
  }
}

i18n.on('languageChanged', onLanguage);

void i18n.use(initReactI18next).init({
  resources: {
    nb: { translation: { ...nb, enums: { ...nb.enums, ...ENUM_LABELS.nb } } },
    da: { translation: { ...da, enums: { ...da.enums, ...ENUM_LABELS.da } } },
    en: { translation: { ...en, enums: { ...en.enums, ...ENUM_LABELS.en } } },
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
