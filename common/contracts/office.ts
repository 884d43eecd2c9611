import { z } from 'zod';
import { PersonSummary } from './networks.ts';

export const NetworkOffice = z.object({
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  address: z.string().nullable(),
  onlineOnly: z.boolean(),
  officeHours: z.string(),
  updatedAt: z.string().nullable(),
  /** Who staffs the office: members with the office role, then the meta-mentors who answer for it. */
  staff: z.array(PersonSummary.extend({ role: z.enum(['office', 'meta_mentor']) })),
});
export type NetworkOffice = z.infer<typeof NetworkOffice>;

export const UpdateOfficeBody = z
  .strictObject({
    contactEmail: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullable(),
    contactPhone: z.string().trim().max(40).nullable(),
    address: z.string().trim().max(500).nullable(),
    onlineOnly: z.boolean(),
    officeHours: z.string().trim().max(1000),
  })
  .refine((b) => b.onlineOnly || (b.address !== null && b.address.length > 0), {
    message: 'An address is needed unless the office is online only',
    path: ['address'],
  });
export type UpdateOfficeBody = z.infer<typeof UpdateOfficeBody>;
