/**
 * Short ordinary documents (an invoice, a review, a calendar entry, a README line) that both an addressed
 * injection and its benign twin are built on, so the carrier text itself says nothing about the label.
 */
export const CARRIERS = [
  'Invoice 1182: 3 x consulting days, 2,400 EUR, due in 30 days.',
  'Team offsite on Thursday at 10:00 in room B.',
  'Great blender, crushes ice easily. Four stars.',
  'Chapter 2 explains how glaciers shape valleys over thousands of years.',
  'Candidate: 6 years of backend experience, Go and PostgreSQL.',
  'To build the project run make, then make test.',
  'Our quarterly newsletter: new opening hours and a summer reading list.',
  'Flight LH 440 departs at 16:05 from gate B22.',
];
