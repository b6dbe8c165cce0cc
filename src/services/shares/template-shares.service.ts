import { templateFor } from '../templates/templates.service';
import { ownerShares } from './owner-shares.service';
import { MAX_TEMPLATE_SHARES } from './rules';

/** The owner's side of review template sharing; recipients only read the template and create workloads from it. */

const shares = ownerShares('Template', { type: 'TEMPLATE', label: 'Review template', max: MAX_TEMPLATE_SHARES, echoArn: true, find: templateFor });

export const createTemplateShare = shares.create;
export const deleteTemplateShare = shares.remove;
export const listTemplateShares = shares.list;
