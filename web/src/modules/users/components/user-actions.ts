import type { ComponentType } from 'react';
import type { HelplineResponse } from '../../helplines/api.js';
import type { User } from '../api.js';
import { EditUserAction } from './EditUserAction.js';
import { SetActiveAction } from './SetActiveAction.js';
import { ResetLinkAction } from './ResetLinkAction.js';

export interface UserActionProps {
  user: User;
  helplines: HelplineResponse[];
  /** The administrator looking at the list. */
  isSelf: boolean;
}

/**
 * The buttons in each row of the user list, in order. An action is a component that renders its
 * own button (and dialog, if any): to add one, write it and list it here.
 */
export const USER_ACTIONS: ComponentType<UserActionProps>[] = [EditUserAction, SetActiveAction, ResetLinkAction];
