import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';

/** One key figure of a report, with an optional line below it. */
export function ReportCard({ title, value, detail }: { title: string; value: string; detail?: string }) {
  return (
    <Card data-color="neutral">
      <Heading level={3} data-size="2xs">
        {title}
      </Heading>
      <p className="card-figure">{value}</p>
      {detail && <Paragraph data-size="sm">{detail}</Paragraph>}
    </Card>
  );
}
