import type {
  EnrolmentConfirmedResponse, EnrolmentResponse, SecondFactorStatus, SecondStepResponse,
} from '../../../../src/shared/schemas/second-factor.js';
import type { Me } from '../../../../src/shared/schemas/auth.js';
import { http } from '../../shared/http.js';

export type { EnrolmentConfirmedResponse, EnrolmentResponse, SecondFactorStatus, SecondStepResponse };

/** The login answer: the user (signed in), or the second step still to take. */
export type LoginResult = Me | SecondStepResponse;

export function isSecondStep(result: LoginResult): result is SecondStepResponse {
  return 'step' in result;
}

export const verifySecondFactor = (code: string) => http.post<Me>('/api/auth/second-factor/verify', { code });
export const startEnrolment = () => http.post<EnrolmentResponse>('/api/auth/second-factor/enrolment');
export const confirmEnrolment = (code: string) => http.post<EnrolmentConfirmedResponse>('/api/auth/second-factor/enrolment/confirm', { code });
export const fetchSecondFactorStatus = () => http.get<SecondFactorStatus>('/api/auth/second-factor');
