/**
 * The resource rules of shared resources (C5): members create and edit pages, links and files
 * unless the network keeps editing to its staff; the meta-mentor and office delete, revert and
 * curate the "start here" list. The role × action table (permissions.ts) lets members in; these
 * functions decide per network. Used by the server and the web app.
 */
import { canInNetwork, type NetworkActor, type Visibility } from '../permissions.ts';

/** Who looks at resources in one network. */
export interface ResourceViewer {
  userId: string;
  /** The meta-mentor and office: edit always, delete, revert, curate "start here". */
  staff: boolean;
  /** May create and edit (members, unless the network restricts editing to staff). */
  editor: boolean;
}

/** A network's caller as a resource viewer. */
export function resourceViewerOf(
  actor: NetworkActor,
  visibility: Visibility,
  network: { resourcesStaffOnly: boolean },
  userId: string,
): ResourceViewer {
  const staff = canInNetwork(actor, 'resources.manage', visibility);
  const member = canInNetwork(actor, 'resources.edit', visibility);
  return { userId, staff, editor: staff || (member && !network.resourcesStaffOnly) };
}

/** Whether the viewer may create resources and edit any of them. */
export function canEditResources(viewer: ResourceViewer): boolean {
  return viewer.editor;
}

/** Deleting, reverting and curating "start here" are the staff's. */
export function canManageResources(viewer: ResourceViewer): boolean {
  return viewer.staff;
}

/**
 * Whether a save that started from `baseRevision` is stale: a newer revision was saved since (by
 * anyone), so saving would lose it; the editor must see both texts and merge.
 */
export function isEditConflict(baseRevision: number, currentRevision: number): boolean {
  return baseRevision !== currentRevision;
}
