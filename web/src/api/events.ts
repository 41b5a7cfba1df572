/** Milestone events: conferences, reviews, anniversaries. */
import type { z } from 'zod';
import type { createEventBody, eventList, eventView, listEventsQuery, updateEventBody } from '../../../src/modules/events/events.contract';
import { api, request } from './client';

export type MilestoneEvent = z.infer<typeof eventView>;
export type EventList = z.infer<typeof eventList>;
export type ListEventsQuery = z.input<typeof listEventsQuery>;
export type CreateEventInput = z.input<typeof createEventBody>;
export type UpdateEventInput = z.input<typeof updateEventBody>;

export const listEvents = (query: ListEventsQuery, signal?: AbortSignal) => api.get<EventList>('/events', query, signal);
export const getEvent = (id: number) => api.get<MilestoneEvent>(`/events/${id}`);
export const createEvent = (input: CreateEventInput) => api.post<MilestoneEvent>('/events', input);
export const updateEvent = (id: number, input: UpdateEventInput) => request<MilestoneEvent>('PUT', `/events/${id}`, { body: input });
export const deleteEvent = (id: number) => api.delete<{ ok: true }>(`/events/${id}`);

export const eventFilesPath = (id: number) => `/events/${id}/files`;
export const eventFileUrl = (id: number, fileId: number) => `/api/v1/events/${id}/files/${fileId}`;
