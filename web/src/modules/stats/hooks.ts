import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCaseReport, fetchReport, type ReportParams } from './api.js';

export function useReport(params: ReportParams | undefined) {
  return useQuery({
    queryKey: ['stats', 'report', params],
    queryFn: ({ signal }) => fetchReport(params!, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}

/** The follow-up report of the same helpline, year and view. */
export function useCaseReport(params: ReportParams | undefined) {
  return useQuery({
    queryKey: ['stats', 'case-report', params],
    queryFn: ({ signal }) => fetchCaseReport(params!, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}
