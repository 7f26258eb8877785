/**
 * Element paths used in parse problems and validation failures, so a person can find the item in
 * the file: `Message/Children/Child[3]/CINdetails[1]/Assessments[2]/AssessmentActualStartDate`.
 * Repeated elements are numbered from 1 in the order they appear.
 */
export const MESSAGE_PATH = 'Message';
export const HEADER_PATH = 'Message/Header';

export function childPath(childIndex: number): string {
  return `Message/Children/Child[${childIndex + 1}]`;
}

export function episodePath(childPathValue: string, episodeIndex: number): string {
  return `${childPathValue}/CINdetails[${episodeIndex + 1}]`;
}

export function itemPath(parent: string, element: string, index: number): string {
  return `${parent}/${element}[${index + 1}]`;
}
