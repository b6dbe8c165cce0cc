import { profileFor } from '../profiles/profiles.service';
import { ownerShares } from './owner-shares.service';
import { MAX_PROFILE_SHARES } from './rules';

/** The owner's side of profile sharing; recipients only read and apply the profile. */

const shares = ownerShares('Profile', { type: 'PROFILE', label: 'Profile', max: MAX_PROFILE_SHARES, echoArn: false, find: profileFor });

export const createProfileShare = shares.create;
export const deleteProfileShare = shares.remove;
export const listProfileShares = shares.list;
