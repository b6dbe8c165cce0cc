import { updateShareInvitation } from '../../services/shares/invitations.service';
import { defineOperation } from '../operation';

export default defineOperation<Parameters<typeof updateShareInvitation>[2]>('UpdateShareInvitation', updateShareInvitation);
