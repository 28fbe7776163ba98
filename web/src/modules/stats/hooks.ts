import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchReport, type ReportParams } from './api.js';

export function useReport(params: ReportParams | undefined) {
  return useQuery({
    queryKey: ['stats', 'report', params],
    queryFn: ({ signal }) => fetchReport(params!, signal),
    enabled: !!params,
    placeholderData: keepPreviousData,
  });
}
