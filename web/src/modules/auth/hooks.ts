import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '../../../../src/shared/access.js';
import type { Locale } from '../../../../src/shared/enums.js';
import i18n from '../../i18n/index.js';
import { clearSessionEnds } from '../../shared/session-clock.js';
import { fetchMe, login, logout, saveLocale, setup, type Me } from './api.js';
import { confirmEnrolment, fetchSecondFactorStatus, isSecondStep, startEnrolment, verifySecondFactor } from './second-factor-api.js';

export const meKey = ['auth', 'me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in user; only for components rendered inside the authenticated layout. */
export function useCurrentUser(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentUser outside an authenticated route');
  return data;
}

export function useCan(): (action: Action) => boolean {
  const { data } = useMe();
  return (action) => !!data?.abilities.includes(action);
}

/** After signing in from the login page: a fresh start with the new user's data only. */
export function useSignedIn() {
  const qc = useQueryClient();
  return (me: Me) => {
    qc.clear();
    qc.setQueryData(meKey, me);
    void i18n.changeLanguage(me.locale);
  };
}

/** Signs in when the password is all the user needs; otherwise the result names the second step. */
export function useLogin() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: login, onSuccess: (result) => (isSecondStep(result) ? undefined : signedIn(result)) });
}

export function useVerifySecondFactor() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: verifySecondFactor, onSuccess: signedIn });
}

export function useStartEnrolment() {
  return useMutation({ mutationFn: startEnrolment });
}

/** Confirms enrolment; the answer carries the recovery codes (shown once) and the signed-in user. */
export function useConfirmEnrolment() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: confirmEnrolment, onSuccess: (result) => signedIn(result.me) });
}

export function useSecondFactorStatus() {
  return useQuery({ queryKey: ['auth', 'second-factor'], queryFn: fetchSecondFactorStatus });
}

export function useSetup() {
  const signedIn = useSignedIn();
  return useMutation({ mutationFn: setup, onSuccess: signedIn });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      clearSessionEnds();
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

/** Changes the language at once; saves it on the server when signed in. */
export function useChangeLocale() {
  const qc = useQueryClient();
  return (locale: Locale) => {
    void i18n.changeLanguage(locale);
    const me = qc.getQueryData<Me | null>(meKey);
    if (!me) return;
    qc.setQueryData(meKey, { ...me, locale });
    saveLocale(locale).catch(() => {
      /* the choice still applies in this browser */
    });
  };
}
