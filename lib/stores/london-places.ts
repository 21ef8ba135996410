// Offline gazetteer for "postcode or town" lookups: London postcode districts (approximate centroids,
// within about 1 km) and common area names. No outside geocoding service is ever called.

export interface LondonPlace {
  name: string;
  postcodeDistrict?: string;
  latitude: number;
  longitude: number;
}

type Row = [district: string, name: string, latitude: number, longitude: number];

const districts: Row[] = [
  ['E1', 'Whitechapel', 51.516, -0.056], ['E1W', 'Wapping', 51.506, -0.06], ['E2', 'Bethnal Green', 51.528, -0.064],
  ['E3', 'Bow', 51.529, -0.024], ['E4', 'Chingford', 51.633, 0.004], ['E5', 'Clapton', 51.557, -0.049],
  ['E6', 'East Ham', 51.527, 0.055], ['E7', 'Forest Gate', 51.549, 0.026], ['E8', 'Hackney', 51.544, -0.063],
  ['E9', 'Homerton', 51.545, -0.042], ['E10', 'Leyton', 51.57, -0.01], ['E11', 'Leytonstone', 51.568, 0.01],
  ['E12', 'Manor Park', 51.55, 0.05], ['E13', 'Plaistow', 51.526, 0.025], ['E14', 'Poplar', 51.508, -0.017],
  ['E15', 'Stratford', 51.542, 0.0], ['E16', 'Canning Town', 51.51, 0.023], ['E17', 'Walthamstow', 51.586, -0.02],
  ['E18', 'South Woodford', 51.592, 0.027], ['E20', 'Olympic Park', 51.543, -0.013],
  ['EC1', 'Clerkenwell', 51.523, -0.104], ['EC2', 'Moorgate', 51.518, -0.089], ['EC3', 'Aldgate', 51.512, -0.08],
  ['EC4', "St Paul's", 51.513, -0.1],
  ['N1', 'Islington', 51.537, -0.099], ['N1C', "King's Cross", 51.536, -0.125], ['N2', 'East Finchley', 51.588, -0.168],
  ['N3', 'Finchley Central', 51.601, -0.193], ['N4', 'Finsbury Park', 51.57, -0.102], ['N5', 'Highbury', 51.553, -0.098],
  ['N6', 'Highgate', 51.572, -0.148], ['N7', 'Holloway', 51.553, -0.118], ['N8', 'Crouch End', 51.585, -0.114],
  ['N9', 'Lower Edmonton', 51.625, -0.059], ['N10', 'Muswell Hill', 51.592, -0.145], ['N11', 'New Southgate', 51.615, -0.138],
  ['N12', 'North Finchley', 51.613, -0.176], ['N13', 'Palmers Green', 51.619, -0.106], ['N14', 'Southgate', 51.634, -0.129],
  ['N15', 'Seven Sisters', 51.582, -0.081], ['N16', 'Stoke Newington', 51.562, -0.076], ['N17', 'Tottenham', 51.6, -0.069],
  ['N18', 'Upper Edmonton', 51.614, -0.069], ['N19', 'Archway', 51.566, -0.132], ['N20', 'Whetstone', 51.63, -0.176],
  ['N21', 'Winchmore Hill', 51.634, -0.103], ['N22', 'Wood Green', 51.599, -0.112],
  ['NW1', 'Camden Town', 51.533, -0.143], ['NW2', 'Cricklewood', 51.557, -0.217], ['NW3', 'Hampstead', 51.553, -0.174],
  ['NW4', 'Hendon', 51.588, -0.224], ['NW5', 'Kentish Town', 51.552, -0.142], ['NW6', 'Kilburn', 51.544, -0.194],
  ['NW7', 'Mill Hill', 51.615, -0.235], ['NW8', "St John's Wood", 51.533, -0.172], ['NW9', 'Colindale', 51.585, -0.26],
  ['NW10', 'Willesden', 51.541, -0.245], ['NW11', 'Golders Green', 51.578, -0.199],
  ['SE1', 'Southwark', 51.501, -0.097], ['SE2', 'Abbey Wood', 51.488, 0.118], ['SE3', 'Blackheath', 51.467, 0.013],
  ['SE4', 'Brockley', 51.46, -0.035], ['SE5', 'Camberwell', 51.474, -0.091], ['SE6', 'Catford', 51.44, -0.018],
  ['SE7', 'Charlton', 51.483, 0.036], ['SE8', 'Deptford', 51.48, -0.029], ['SE9', 'Eltham', 51.447, 0.055],
  ['SE10', 'Greenwich', 51.483, 0.0], ['SE11', 'Kennington', 51.488, -0.111], ['SE12', 'Lee', 51.448, 0.02],
  ['SE13', 'Lewisham', 51.46, -0.011], ['SE14', 'New Cross', 51.476, -0.04], ['SE15', 'Peckham', 51.471, -0.066],
  ['SE16', 'Rotherhithe', 51.497, -0.052], ['SE17', 'Walworth', 51.488, -0.093], ['SE18', 'Woolwich', 51.483, 0.076],
  ['SE19', 'Crystal Palace', 51.418, -0.085], ['SE20', 'Penge', 51.411, -0.06], ['SE21', 'Dulwich', 51.442, -0.086],
  ['SE22', 'East Dulwich', 51.456, -0.07], ['SE23', 'Forest Hill', 51.443, -0.05], ['SE24', 'Herne Hill', 51.455, -0.099],
  ['SE25', 'South Norwood', 51.399, -0.075], ['SE26', 'Sydenham', 51.427, -0.055], ['SE27', 'West Norwood', 51.431, -0.103],
  ['SE28', 'Thamesmead', 51.503, 0.111],
  ['SW1', 'Westminster', 51.497, -0.137], ['SW2', 'Brixton Hill', 51.451, -0.12], ['SW3', 'Chelsea', 51.49, -0.166],
  ['SW4', 'Clapham', 51.462, -0.138], ['SW5', "Earl's Court", 51.49, -0.192], ['SW6', 'Fulham', 51.477, -0.2],
  ['SW7', 'South Kensington', 51.496, -0.176], ['SW8', 'South Lambeth', 51.477, -0.129], ['SW9', 'Stockwell', 51.47, -0.115],
  ['SW10', 'West Brompton', 51.483, -0.185], ['SW11', 'Battersea', 51.466, -0.165], ['SW12', 'Balham', 51.445, -0.15],
  ['SW13', 'Barnes', 51.474, -0.245], ['SW14', 'Mortlake', 51.466, -0.266], ['SW15', 'Putney', 51.458, -0.22],
  ['SW16', 'Streatham', 51.424, -0.13], ['SW17', 'Tooting', 51.43, -0.169], ['SW18', 'Wandsworth', 51.453, -0.193],
  ['SW19', 'Wimbledon', 51.422, -0.208], ['SW20', 'Raynes Park', 51.409, -0.229],
  ['W1', 'West End', 51.514, -0.142], ['W2', 'Paddington', 51.515, -0.18], ['W3', 'Acton', 51.51, -0.268],
  ['W4', 'Chiswick', 51.494, -0.259], ['W5', 'Ealing', 51.513, -0.304], ['W6', 'Hammersmith', 51.493, -0.226],
  ['W7', 'Hanwell', 51.51, -0.336], ['W8', 'Kensington', 51.501, -0.192], ['W9', 'Maida Vale', 51.527, -0.19],
  ['W10', 'North Kensington', 51.523, -0.214], ['W11', 'Notting Hill', 51.513, -0.204], ['W12', "Shepherd's Bush", 51.51, -0.235],
  ['W13', 'West Ealing', 51.513, -0.32], ['W14', 'West Kensington', 51.495, -0.21],
  ['WC1', 'Bloomsbury', 51.522, -0.123], ['WC2', 'Covent Garden', 51.513, -0.123],
  ['CR0', 'Croydon', 51.376, -0.099], ['BR1', 'Bromley', 51.406, 0.015], ['KT1', 'Kingston upon Thames', 51.41, -0.302],
  ['TW9', 'Richmond', 51.461, -0.301], ['TW1', 'Twickenham', 51.447, -0.33], ['HA0', 'Wembley', 51.553, -0.297],
  ['HA1', 'Harrow', 51.58, -0.337], ['IG1', 'Ilford', 51.559, 0.074], ['IG11', 'Barking', 51.539, 0.081],
  ['RM1', 'Romford', 51.576, 0.181], ['UB1', 'Southall', 51.51, -0.375], ['UB8', 'Uxbridge', 51.546, -0.478],
  ['EN1', 'Enfield', 51.652, -0.081], ['EN5', 'Barnet', 51.653, -0.2], ['SM1', 'Sutton', 51.363, -0.193],
  ['DA6', 'Bexleyheath', 51.456, 0.139], ['TW3', 'Hounslow', 51.468, -0.361], ['HA8', 'Edgware', 51.613, -0.275],
  ['CR4', 'Mitcham', 51.403, -0.166], ['SM4', 'Morden', 51.401, -0.195], ['TW8', 'Brentford', 51.486, -0.307],
];

const towns: [name: string, latitude: number, longitude: number][] = [
  ['London', 51.5074, -0.1278], ['City of London', 51.5155, -0.092], ['Shoreditch', 51.5265, -0.08],
  ['Hoxton', 51.531, -0.081], ['Dalston', 51.546, -0.075], ['Haggerston', 51.538, -0.076], ['De Beauvoir', 51.54, -0.079],
  ['Canonbury', 51.544, -0.093], ['Angel', 51.532, -0.106], ['Old Street', 51.526, -0.088], ['Spitalfields', 51.519, -0.075],
  ['Liverpool Street', 51.518, -0.081], ['Bank', 51.513, -0.089], ['Barbican', 51.52, -0.094], ['Farringdon', 51.52, -0.105],
  ['Holborn', 51.517, -0.118], ['Euston', 51.528, -0.133], ['Fitzrovia', 51.52, -0.137], ['Marylebone', 51.52, -0.154],
  ['Oxford Circus', 51.515, -0.142], ['Soho', 51.513, -0.134], ['Mayfair', 51.51, -0.148], ['Leicester Square', 51.511, -0.128],
  ['Victoria', 51.496, -0.144], ['Pimlico', 51.489, -0.134], ['Knightsbridge', 51.501, -0.161], ['Bayswater', 51.512, -0.188],
  ['Primrose Hill', 51.539, -0.16], ['Mile End', 51.525, -0.033], ['Limehouse', 51.512, -0.039], ['Canary Wharf', 51.505, -0.02],
  ['Royal Docks', 51.508, 0.045], ['Tottenham Hale', 51.588, -0.06], ['London Bridge', 51.505, -0.086], ['Borough', 51.501, -0.093],
  ['Bermondsey', 51.498, -0.076], ['South Bank', 51.506, -0.116], ['Waterloo', 51.503, -0.113], ['Vauxhall', 51.486, -0.123],
  ['Nine Elms', 51.481, -0.131], ['Elephant and Castle', 51.495, -0.101], ['Brixton', 51.462, -0.115],
  ['Clapham Junction', 51.464, -0.17], ['Park Royal', 51.529, -0.27], ['White City', 51.512, -0.224],
];

export const londonPlaces: LondonPlace[] = [
  ...districts.map(([postcodeDistrict, name, latitude, longitude]) => ({ name, postcodeDistrict, latitude, longitude })),
  ...towns.map(([name, latitude, longitude]) => ({ name, latitude, longitude })),
];
