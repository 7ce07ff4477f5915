/**
 * Stage 4, campaigns: senders whose own evidence is raised but below the alert bar, and the minors
 * they contacted, form a sliding bipartite co-targeting graph; a group of senders linked by shared
 * targets that together show the pattern (a sock-puppet ring) is alerted together under one
 * campaign id. The candidate stream is small by design, so this stage runs as one global task.
 */
package org.targetwatch.campaigns;
